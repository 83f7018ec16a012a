import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../../define-route";
import { jsonBody, jsonResponse } from "../../../content";
import { DestinationParams } from "../../../../destinations/destination.schemas";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";
import {
  DeliveryCursorQuery,
  DeliveryParams,
  DestinationEventsQuery,
  DestinationEndpointParams,
  WebhookDeliverySchema,
  WebhookEndpointCreateSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookEventSchema,
  eventPage,
  page,
} from "../../../../webhooks/webhook.schemas";

const tags = ["Dashboard: webhooks"];
const base = "/api/destinations/{destinationId}/webhook-endpoints";

export const createRecipientEndpoint = defineRoute("session", {
  operationId: "createDestinationWebhookEndpoint",
  method: "post",
  path: base,
  tags,
  summary: "Add a webhook endpoint; its secret is shown once",
  description: "Receives every event of the destination. URLs must be https on a public host.",
  request: { params: DestinationParams, body: jsonBody(WebhookEndpointCreateSchema) },
  responses: { 201: jsonResponse(WebhookEndpointWithSecretSchema, "Created"), ...problems(...BODY_PROBLEMS, 401, 404, "conflict", 429) },
});

export const listRecipientEndpoints = defineRoute("session", {
  operationId: "listDestinationWebhookEndpoints",
  method: "get",
  path: base,
  tags,
  summary: "The destination's webhook endpoints, newest first",
  request: { params: DestinationParams },
  responses: { 200: jsonResponse(z.object({ data: z.array(WebhookEndpointSchema) }), "Endpoints"), ...problems(400, 401, 404) },
});

export const deleteRecipientEndpoint = defineRoute("session", {
  operationId: "deleteDestinationWebhookEndpoint",
  method: "delete",
  path: `${base}/{endpointId}`,
  tags,
  summary: "Delete a webhook endpoint and its pending deliveries",
  request: { params: DestinationEndpointParams },
  responses: { 204: { description: "Deleted" }, ...problems(400, 401, 404, 429) },
});

export const rotateRecipientSecret = defineRoute("session", {
  operationId: "rotateWebhookEndpointSecret",
  method: "post",
  path: `${base}/{endpointId}/rotate-secret`,
  tags,
  summary: "Rotate the signing secret",
  description:
    "The new secret is shown once. For 24 h both secrets sign (two space-separated signatures), so receivers can switch without dropping events.",
  request: { params: DestinationEndpointParams },
  responses: { 200: jsonResponse(WebhookEndpointWithSecretSchema, "Rotated"), ...problems(400, 401, 404, 429) },
});

export const testRecipientEndpoint = defineRoute("session", {
  operationId: "sendWebhookTestEvent",
  method: "post",
  path: `${base}/{endpointId}/test`,
  tags,
  summary: "Send a signed test event (type webhook.test) to this endpoint",
  request: { params: DestinationEndpointParams },
  responses: { 202: jsonResponse(z.object({ deliveryId: z.string() }), "Queued"), ...problems(400, 401, 404) },
});

export const listRecipientDeliveries = defineRoute("session", {
  operationId: "listWebhookDeliveries",
  method: "get",
  path: `${base}/{endpointId}/deliveries`,
  tags,
  summary: "Recent deliveries to this endpoint, newest first",
  request: { params: DestinationEndpointParams, query: DeliveryCursorQuery },
  responses: { 200: jsonResponse(page(WebhookDeliverySchema), "Deliveries"), ...problems(400, 401, 404) },
});

export const retryRecipientDelivery = defineRoute("session", {
  operationId: "retryWebhookDelivery",
  method: "post",
  path: `${base}/{endpointId}/deliveries/{deliveryId}/retry`,
  tags,
  summary: "Attempt a delivery again now",
  request: { params: DeliveryParams },
  responses: { 202: jsonResponse(z.object({ deliveryId: z.string() }), "Queued"), ...problems(400, 401, 404) },
});

export const listDestinationEvents = defineRoute("session", {
  operationId: "listDestinationEvents",
  method: "get",
  path: "/api/destinations/{destinationId}/events",
  tags,
  summary: "Catch-up: the destination's events of the last 30 days, oldest first",
  request: { params: DestinationParams, query: DestinationEventsQuery },
  responses: { 200: jsonResponse(eventPage(WebhookEventSchema), "Events"), ...problems(400, 401, 404) },
});
