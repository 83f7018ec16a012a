import { defineRoute } from "../../../define-route";
import { jsonBody, jsonResponse } from "../../../content";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";
import { RequestEventListSchema, RequestParams, RequestSchema, TransitionBodySchema } from "../../../../requests/request.schemas";

const tags = ["Orchestrator"];

export const cancelOrchestratorRequest = defineRoute("client", {
  operationId: "cancelRequest",
  method: "post",
  path: "/v1/requests/{requestId}/cancel",
  tags,
  summary: "Cancel a request this client created",
  description:
    "Only the creating client (revoked or not) may cancel; another client's request is 404. Repeating a cancel answers 200 with the cancelled request; a status that does not allow it is 409 invalid_state.",
  request: { params: RequestParams, body: jsonBody(TransitionBodySchema, false) },
  responses: {
    200: jsonResponse(RequestSchema, "The request after the action"),
    ...problems(...BODY_PROBLEMS, 401, 404, "invalid_state", 503),
  },
});

export const listOrchestratorRequestEvents = defineRoute("client", {
  operationId: "listRequestEvents",
  method: "get",
  path: "/v1/requests/{requestId}/events",
  tags,
  summary: "A request's events, oldest first (same visibility as the request)",
  request: { params: RequestParams },
  responses: { 200: jsonResponse(RequestEventListSchema, "Every transition, oldest first"), ...problems(400, 401, 404) },
});
