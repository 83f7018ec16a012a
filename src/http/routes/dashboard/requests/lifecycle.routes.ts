import { defineRoute } from "../../../define-route";
import { jsonBody, jsonResponse } from "../../../content";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";
import {
  DestinationRequestParams,
  RequestEventListSchema,
  RequestSchema,
  TransitionBodySchema,
} from "../../../../requests/request.schemas";

const tags = ["Dashboard: requests"];

/** The recipient's lifecycle actions share one shape: optional `{reason}` in, the request out, 409 when its status forbids it. */
function action(operationId: string, verb: "cancel" | "approve" | "reject", summary: string) {
  return defineRoute("session", {
    operationId,
    method: "post",
    path: `/api/destinations/{destinationId}/requests/{requestId}/${verb}`,
    tags,
    summary,
    description:
      "Repeating an action that already happened answers 200 with the request as it is; an action its status does not allow is 409 invalid_state.",
    request: { params: DestinationRequestParams, body: jsonBody(TransitionBodySchema, false) },
    responses: {
      200: jsonResponse(RequestSchema, "The request after the action"),
      ...problems(...BODY_PROBLEMS, 401, 404, "invalid_state", 503),
    },
  });
}

export const cancelDestinationRequest = action(
  "cancelDestinationRequest",
  "cancel",
  "Cancel a request (pending, pending_approval or approved)",
);
export const approveRequest = action("approveRequest", "approve", "Approve an outgoing request awaiting approval");
export const rejectRequest = action("rejectRequest", "reject", "Reject an outgoing request awaiting approval");

export const listDestinationRequestEvents = defineRoute("session", {
  operationId: "listDestinationRequestEvents",
  method: "get",
  path: "/api/destinations/{destinationId}/requests/{requestId}/events",
  tags,
  summary: "A request's events, oldest first",
  request: { params: DestinationRequestParams },
  responses: { 200: jsonResponse(RequestEventListSchema, "Every transition, oldest first"), ...problems(400, 401, 404) },
});
