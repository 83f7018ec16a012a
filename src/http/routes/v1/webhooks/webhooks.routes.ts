import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../../define-route";
import { jsonBody, jsonResponse } from "../../../content";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";
import {
  ClientDeliveryParams,
  DeliveryCursorQuery,
  EndpointParams,
  WebhookDeliverySchema,
  EventsQuery,
  WebhookEndpointCreateSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookEventSchema,
  eventPage,
  page,
} from "../../../../webhooks/webhook.schemas";

const tags = ["Orchestrator: webhooks"];

export const createClientEndpoint = defineRoute("client", {
  operationId: "createWebhookEndpoint",
  method: "post",
  path: "/v1/webhook-endpoints",
  tags,
  summary: "Add a webhook endpoint for this client ID; its secret is shown once",
  description:
    "Receives events about the requests this client can read at delivery time: its own, plus a direction's while it holds `…:reader` and is not revoked.",
  request: { body: jsonBody(WebhookEndpointCreateSchema) },
  responses: {
    201: jsonResponse(WebhookEndpointWithSecretSchema, "Created"),
    ...problems(...BODY_PROBLEMS, 401, "client_revoked", "client_expired", "conflict", 429),
  },
});

export const listClientEndpoints = defineRoute("client", {
  operationId: "listWebhookEndpoints",
  method: "get",
  path: "/v1/webhook-endpoints",
  tags,
  summary: "This client ID's webhook endpoints",
  responses: { 200: jsonResponse(z.object({ data: z.array(WebhookEndpointSchema) }), "Endpoints"), ...problems(401) },
});

export const deleteClientEndpoint = defineRoute("client", {
  operationId: "deleteWebhookEndpoint",
  method: "delete",
  path: "/v1/webhook-endpoints/{endpointId}",
  tags,
  summary: "Delete one of this client ID's webhook endpoints",
  request: { params: EndpointParams },
  responses: { 204: { description: "Deleted" }, ...problems(400, 401, 404, 429) },
});

export const listClientEvents = defineRoute("client", {
  operationId: "listEvents",
  method: "get",
  path: "/v1/events",
  tags,
  summary: "Catch-up: the events this client's endpoints would receive, oldest first (30 days)",
  description:
    "Every page carries `nextCursor`, the last one too: store it and pass it as `cursor` later to get only newer events. " +
    "`hasMore` is true while more can be read now (one call reads at most 1,000 stored events, so a page may be short, even empty, with `hasMore`). " +
    "A cursor this API did not issue is 400.",
  request: { query: EventsQuery },
  responses: { 200: jsonResponse(eventPage(WebhookEventSchema), "Events"), ...problems(400, 401) },
});

export const testClientEndpoint = defineRoute("client", {
  operationId: "sendWebhookEndpointTest",
  method: "post",
  path: "/v1/webhook-endpoints/{endpointId}/test",
  tags,
  summary: "Send a signed test event (type webhook.test) to one of this client's endpoints",
  description:
    "Signed like every delivery; it goes to this endpoint only and is never listed by GET /v1/events. Watch it arrive with GET …/deliveries.",
  request: { params: EndpointParams },
  responses: { 202: jsonResponse(z.object({ deliveryId: z.string() }), "Queued"), ...problems(400, 401, 404) },
});

export const listClientDeliveries = defineRoute("client", {
  operationId: "listWebhookEndpointDeliveries",
  method: "get",
  path: "/v1/webhook-endpoints/{endpointId}/deliveries",
  tags,
  summary: "Deliveries to one of this client's endpoints, newest first (30 days): status, attempts, last answer, next attempt",
  request: { params: EndpointParams, query: DeliveryCursorQuery },
  responses: { 200: jsonResponse(page(WebhookDeliverySchema), "Deliveries"), ...problems(400, 401, 404) },
});

export const retryClientDelivery = defineRoute("client", {
  operationId: "retryWebhookEndpointDelivery",
  method: "post",
  path: "/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry",
  tags,
  summary: "Attempt a delivery again now (a failed one too)",
  request: { params: ClientDeliveryParams },
  responses: { 202: jsonResponse(z.object({ deliveryId: z.string() }), "Queued"), ...problems(400, 401, 404) },
});
