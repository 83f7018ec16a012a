import { defineRoute } from "../../lib/define-route";
import { CredentialsSchema, SessionSchema } from "../../schemas/auth";
import { jsonBody, jsonResponse } from "../../schemas/content";
import { BODY_PROBLEMS, problems } from "../../schemas/problem";

const tags = ["Dashboard: auth"];
const body = jsonBody(CredentialsSchema);
const session = (description: string) => jsonResponse(SessionSchema, description);

export const signup = defineRoute("public", {
  method: "post", path: "/api/auth/signup", tags, request: { body },
  summary: "Create a recipient account and sign in",
  responses: { 201: session("Signed up; the session cookie is set"), ...problems(...BODY_PROBLEMS, 409) },
});

export const login = defineRoute("public", {
  method: "post", path: "/api/auth/login", tags, request: { body },
  summary: "Sign in", description: "Five failures for an email slow it down: 429 with Retry-After, doubling per failure up to 15 minutes.",
  responses: { 200: session("Signed in; the session cookie is set"), ...problems(...BODY_PROBLEMS, 401, 429) },
});

export const logout = defineRoute("session", {
  method: "post", path: "/api/auth/logout", tags,
  summary: "End the session (server-side)",
  responses: { 204: { description: "Signed out" }, ...problems(401, 403) },
});

export const me = defineRoute("session", {
  method: "get", path: "/api/me", tags,
  summary: "The signed-in recipient and the CSRF token",
  responses: { 200: session("The current session"), ...problems(401) },
});
