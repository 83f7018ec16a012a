import { z } from "@hono/zod-openapi";
import type { AppRouter } from "../../create-router";
import { ClientSchema } from "../../../clients/client.schemas";
import { RequestDetailSchema } from "../../../requests/request.schemas";
import { typedEvent } from "../../../webhooks/webhook.schemas";
import { TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from "../../../webhooks/events";

const HEADERS = {
  "webhook-id": "The event id (evt_…), the same on every retry: deduplicate on it.",
  "webhook-timestamp": "Unix seconds of this attempt; reject ones far from now.",
  "webhook-signature": '`v1,<base64 HMAC-SHA256>` of "{id}.{timestamp}.{body}"; two, space-separated, during a secret rotation.',
};

/** A payment link as its event shows it: named, without its URL (which carries the payer's capability token). */
export const PaymentLinkEventObjectSchema = z
  .object({ id: z.string(), requestId: z.string(), destinationId: z.string(), expiresAt: z.string(), createdAt: z.string() })
  .openapi("PaymentLinkEventObject");

/** What "send test event" carries: it goes to one endpoint only and is never in a catch-up list. */
export const TestEventObjectSchema = z.object({ message: z.string(), endpointId: z.string() }).openapi("WebhookTestEventObject");

const objectOf = (type: string) =>
  type.startsWith("request.")
    ? RequestDetailSchema
    : type === "client.revoked"
      ? ClientSchema
      : type === TEST_EVENT_TYPE
        ? TestEventObjectSchema
        : PaymentLinkEventObjectSchema;

const schemaName = (type: string) =>
  `${type
    .split(/[._]/)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("")}Event`;

/** Lists every event under the OpenAPI 3.1 `webhooks` map, each with its object typed, so SDK generators type the payloads. */
export function registerWebhookDocs(router: AppRouter): void {
  for (const type of [...WEBHOOK_EVENT_TYPES, TEST_EVENT_TYPE]) {
    const schema = typedEvent(type, objectOf(type)).openapi(schemaName(type));
    router.openAPIRegistry.registerWebhook({
      method: "post",
      path: type,
      tags: ["Webhooks"],
      summary: `${type}, signed per Standard Webhooks`,
      // Sent by Payrelay to the receiver: authenticated by its signature headers, not by a scheme the receiver declares.
      operationId: `on${type
        .split(/[._]/)
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join("")}`,
      security: [],
      request: {
        headers: z.object(
          Object.fromEntries(Object.entries(HEADERS).map(([name, description]) => [name, z.string().openapi({ description })])),
        ),
        body: { required: true, content: { "application/json": { schema } } },
      },
      responses: {
        200: { description: "Any 2xx: delivered" },
        410: { description: "Disables the endpoint at once" },
        default: {
          description: "Anything else, or no answer within 15 s: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h",
        },
      },
    });
  }
}
