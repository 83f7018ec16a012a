import { defineRoute } from "../../../define-route";
import { jsonBody, jsonResponse } from "../../../content";
import { DestinationParams } from "../../../../destinations/destination.schemas";
import { PaymentLinkListSchema } from "../../../../requests/links/payment-link.schemas";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";
import {
  IdempotencyHeaderSchema,
  ListQuerySchema,
  PaymentLinkCreateSchema,
  PaymentLinkSchema,
  RequestCreateSchema,
  RequestDetailSchema,
  RequestListSchema,
  RequestParams,
  RequestSchema,
} from "../../../../requests/request.schemas";

const tags = ["Orchestrator"];

export const createOrchestratorRequest = defineRoute(
  "client",
  {
    operationId: "createRequest",
    method: "post",
    path: "/v1/destinations/{destinationId}/requests",
    tags,
    summary: "Create a payment request under the client's destination",
    description:
      "Needs `incoming:creator` or `outgoing:creator` for the body's direction. A revoked client gets 403 client_revoked, an expired one 403 client_expired; an outgoing create above the client's remaining budget 403 allowance_exceeded; over createsPerMinute 429 rate_limited (Retry-After, RateLimit, RateLimit-Policy). An outgoing create of at most autoApproveUpTo is `approved` at once. A client with a signing key may sign it (RFC 9421, label `payrelay`, covering @method, @target-uri, content-digest, authorization, with created); one with requireSignedRequests must, or it is 401 signature_invalid naming the part that failed. A signed create keeps its signature as evidence (GET /api/destinations/{destinationId}/requests/{requestId}/evidence).",
    request: {
      params: DestinationParams,
      headers: IdempotencyHeaderSchema,
      body: jsonBody(RequestCreateSchema),
    },
    responses: {
      201: jsonResponse(RequestSchema, "Created (or the first response again, with Idempotent-Replayed: true)"),
      ...problems(
        ...BODY_PROBLEMS,
        401,
        "signature_invalid",
        "client_revoked",
        "client_expired",
        "permission_denied",
        "allowance_exceeded",
        404,
        "idempotency_conflict",
        429,
        503,
      ),
    },
  },
  { signature: "at-admission" },
);

export const getOrchestratorRequest = defineRoute("client", {
  operationId: "getRequest",
  method: "get",
  path: "/v1/requests/{requestId}",
  tags,
  summary: "A request this client created, or one it holds the direction's reader permission for",
  request: { params: RequestParams },
  responses: { 200: jsonResponse(RequestDetailSchema, "The request, with its payments"), ...problems(400, 401, 404) },
});

export const listOrchestratorRequests = defineRoute("client", {
  operationId: "listRequests",
  method: "get",
  path: "/v1/requests",
  tags,
  summary: "Requests this client created, plus every request of a direction it is reader for",
  request: { query: ListQuerySchema },
  responses: { 200: jsonResponse(RequestListSchema, "A page, newest first"), ...problems(400, 401) },
});

export const createOrchestratorPaymentLink = defineRoute("client", {
  operationId: "createPaymentLink",
  method: "post",
  path: "/v1/requests/{requestId}/payment-links",
  tags,
  summary: "Create a payment link for an incoming request (default and maximum 7 days)",
  request: { params: RequestParams, headers: IdempotencyHeaderSchema, body: jsonBody(PaymentLinkCreateSchema, false) },
  responses: {
    201: jsonResponse(PaymentLinkSchema, "Created"),
    ...problems(
      ...BODY_PROBLEMS,
      401,
      "client_revoked",
      "client_expired",
      "permission_denied",
      404,
      "idempotency_conflict",
      "invalid_state",
      "conflict",
      429,
      503,
      "not_configured",
    ),
  },
});

export const listOrchestratorPaymentLinks = defineRoute("client", {
  operationId: "listPaymentLinks",
  method: "get",
  path: "/v1/requests/{requestId}/payment-links",
  tags,
  summary: "A request's payment links, newest first, without their URLs (same visibility as the request)",
  description:
    "Only the token's hash is stored, so an earlier link's URL cannot be shown again: the 201 that created it (or its idempotent replay) had it.",
  request: { params: RequestParams },
  responses: { 200: jsonResponse(PaymentLinkListSchema, "The request's links"), ...problems(400, 401, 404) },
});
