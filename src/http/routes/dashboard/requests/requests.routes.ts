import { defineRoute } from "../../../define-route";
import { DestinationParams } from "../../../../destinations/destination.schemas";
import { jsonBody, jsonResponse } from "../../../content";
import { PaymentLinkListSchema } from "../../../../requests/links/payment-link.schemas";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";
import {
  DashboardListQuerySchema,
  DestinationRequestParams,
  IdempotencyHeaderSchema,
  PaymentLinkCreateSchema,
  PaymentLinkSchema,
  RequestCreateSchema,
  RequestDetailSchema,
  RequestListSchema,
  RequestSchema,
} from "../../../../requests/request.schemas";

const tags = ["Dashboard: requests"];

export const listDestinationRequests = defineRoute("session", {
  operationId: "listDestinationRequests",
  method: "get",
  path: "/api/destinations/{destinationId}/requests",
  tags,
  summary: "A destination's requests, newest first",
  request: { params: DestinationParams, query: DashboardListQuerySchema },
  responses: { 200: jsonResponse(RequestListSchema, "A page of requests"), ...problems(400, 401, 404) },
});

export const getDestinationRequest = defineRoute("session", {
  operationId: "getDestinationRequest",
  method: "get",
  path: "/api/destinations/{destinationId}/requests/{requestId}",
  tags,
  summary: "One request",
  request: { params: DestinationRequestParams },
  responses: { 200: jsonResponse(RequestDetailSchema, "The request, with its payments"), ...problems(400, 401, 404) },
});

export const createDestinationRequest = defineRoute("session", {
  operationId: "createDestinationRequest",
  method: "post",
  path: "/api/destinations/{destinationId}/requests",
  tags,
  summary: "Create a request by hand (createdBy: manual)",
  request: { params: DestinationParams, headers: IdempotencyHeaderSchema, body: jsonBody(RequestCreateSchema) },
  responses: {
    201: jsonResponse(RequestSchema, "Created"),
    ...problems(...BODY_PROBLEMS, 401, 404, "idempotency_conflict", "conflict", 503),
  },
});

export const createDestinationPaymentLink = defineRoute("session", {
  operationId: "createDestinationPaymentLink",
  method: "post",
  path: "/api/destinations/{destinationId}/requests/{requestId}/payment-links",
  tags,
  summary: "Create a payment link for an incoming request",
  request: { params: DestinationRequestParams, headers: IdempotencyHeaderSchema, body: jsonBody(PaymentLinkCreateSchema, false) },
  responses: {
    201: jsonResponse(PaymentLinkSchema, "Created"),
    ...problems(...BODY_PROBLEMS, 401, 404, "idempotency_conflict", "invalid_state", "conflict", 503, "not_configured"),
  },
});

export const listDestinationPaymentLinks = defineRoute("session", {
  operationId: "listDestinationPaymentLinks",
  method: "get",
  path: "/api/destinations/{destinationId}/requests/{requestId}/payment-links",
  tags,
  summary: "A request's payment links, newest first (never their URLs)",
  request: { params: DestinationRequestParams },
  responses: { 200: jsonResponse(PaymentLinkListSchema, "The request's links"), ...problems(400, 401, 404) },
});
