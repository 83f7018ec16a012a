import { defineRoute } from "../../../define-route";
import { CredentialsSchema, SessionSchema } from "../../../../accounts/auth.schemas";
import { jsonBody, jsonResponse } from "../../../content";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";
import { limitByIp } from "../../../middleware/ip-rate-limit";

const tags = ["Dashboard: auth"];
const body = jsonBody(CredentialsSchema);
const session = (description: string) => jsonResponse(SessionSchema, description);

export const signup = defineRoute("public", {
  operationId: "signUp",
  method: "post",
  path: "/api/auth/signup",
  tags,
  request: { body },
  middleware: [limitByIp("SIGNUP_IP_LIMITER", 10, 60)],
  summary: "Create a recipient account and sign in",
  responses: { 201: session("Signed up; the session cookie is set"), ...problems(...BODY_PROBLEMS, "conflict", 429) },
});

export const login = defineRoute("public", {
  operationId: "logIn",
  method: "post",
  path: "/api/auth/login",
  tags,
  request: { body },
  middleware: [limitByIp("LOGIN_IP_LIMITER", 30, 60)],
  summary: "Sign in",
  description:
    "Five tries for an email from one network, then 429 with Retry-After: 30 s, doubling per try up to 15 minutes. Each network is also limited per minute.",
  responses: { 200: session("Signed in; the session cookie is set"), ...problems(...BODY_PROBLEMS, 401, 429) },
});

export const logout = defineRoute("session", {
  operationId: "logOut",
  method: "post",
  path: "/api/auth/logout",
  tags,
  summary: "End the session (server-side)",
  responses: { 204: { description: "Signed out" }, ...problems(401) },
});

export const me = defineRoute("session", {
  operationId: "getSession",
  method: "get",
  path: "/api/me",
  tags,
  summary: "The signed-in recipient and the CSRF token",
  responses: { 200: session("The current session"), ...problems(401) },
});
