import { z } from "@hono/zod-openapi";
import { idPattern } from "../lib/ids";
import { DestinationParams } from "../destinations/destination.schemas";
import { EVENTS_PAGE, EVENTS_PAGE_MAX, WEBHOOK_EVENT_TYPES } from "./events";
import { decodeEventCursor } from "../lib/cursor";

export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

export const WebhookEndpointCreateSchema = z
  .object({
    url: z.string().max(2048).openapi({ example: "https://shop.example.com/payrelay/webhooks" }),
    events: z
      .array(WebhookEventTypeSchema)
      .refine((e) => new Set(e).size === e.length, "List each event type once.")
      .default([])
      .openapi({ description: "Event types to receive; empty or absent means all." }),
  })
  .strict()
  .openapi("WebhookEndpointCreate", {
    example: { url: "https://shop.example.com/payrelay/webhooks", events: ["request.paid", "request.cancelled"] },
  });

export const WebhookEndpointSchema = z
  .object({
    id: z.string().openapi({ example: "whe_0k3f9x2m7d4q8w1z" }),
    url: z.string(),
    events: z.array(z.string()),
    status: z.enum(["enabled", "disabled"]),
    disabledReason: z.string().nullable().openapi({ description: "Why Payrelay disabled it: a 410 answer, or 5 days of failures." }),
    failingSince: z.string().nullable().openapi({
      description:
        "Since when every delivery to it has failed (it is still `enabled` and retried; disabled after 5 days). Null once one succeeds.",
    }),
    clientId: z.string().nullable().openapi({ description: "The orchestrator's client ID, or null for the recipient's own endpoint." }),
    createdAt: z.string(),
  })
  .openapi("WebhookEndpoint", {
    example: {
      id: "whe_0k3f9x2m7d4q8w1z",
      url: "https://shop.example.com/payrelay/webhooks",
      events: [],
      status: "enabled",
      disabledReason: null,
      failingSince: null,
      clientId: "cli_7h2k9d4f1s6g3j8l",
      createdAt: "2026-12-03T13:31:35.000Z",
    },
  });

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().openapi({
    example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    description: "Shown once. After a rotation the previous secret also signs for 24 h.",
  }),
}).openapi("WebhookEndpointWithSecret", {
  example: {
    id: "whe_0k3f9x2m7d4q8w1z",
    url: "https://shop.example.com/payrelay/webhooks",
    events: [],
    status: "enabled",
    disabledReason: null,
    failingSince: null,
    clientId: "cli_7h2k9d4f1s6g3j8l",
    createdAt: "2026-12-03T13:31:35.000Z",
    secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  },
});

export const WebhookDeliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    status: z
      .enum(["pending", "delivered", "failed", "skipped"])
      .openapi({ description: "skipped: the endpoint's client may no longer read the request." }),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("WebhookDelivery", {
    example: {
      id: "whd_2m7d4q8w1z0k3f9x",
      eventId: "evt_0k3f9x2m7d4q8w1z",
      eventType: "request.paid",
      status: "pending",
      attempts: 1,
      lastStatusCode: 503,
      lastError: null,
      nextAttemptAt: "2026-12-03T13:31:40.000Z",
      createdAt: "2026-12-03T13:31:35.000Z",
      updatedAt: "2026-12-03T13:31:35.000Z",
    },
  });

export const EventActorSchema = z
  .union([
    z.object({
      type: z.literal("client"),
      clientId: z.string(),
      via: z.literal("mcp").optional().openapi({ description: "Present when the client acted through the MCP endpoint (/mcp)." }),
    }),
    z.object({ type: z.enum(["user", "payer", "system"]) }),
  ])
  .openapi("EventActor", { description: "Who caused the event: a client ID, the recipient (user), the payer, or Payrelay itself." });

/** Beside `object`, what the event says: a reason, a txHash and amount, detectedBy, a note. */
const eventData = <T extends z.ZodType>(object: T) =>
  z.object({ object }).catchall(z.string()).openapi({
    description:
      "`object` is the thing as the API shows it at this event (full state, not a diff); other keys are the event's details: `reason`, `txHash`, `amount`, `note`, `detectedBy`, ….",
  });

const eventFields = {
  id: z.string().openapi({
    example: "evt_0k3f9x2m7d4q8w1z",
    description: "The same on every delivery, in GET /v1/events and in the request's timeline.",
  }),
  createdAt: z.string().openapi({ example: "2026-12-03T13:31:35.000Z" }),
  sequence: z.number().int().openapi({
    example: 42,
    description:
      "The event's position in its destination's log: it only grows, with gaps. Compare it per request: drop an event older than one already applied.",
  }),
  actor: EventActorSchema,
};

export const WebhookEventSchema = z
  .object({
    ...eventFields,
    type: WebhookEventTypeSchema,
    data: eventData(
      z.record(z.string(), z.unknown()).openapi({ description: "The request, payment link or client as the API shows it at this event." }),
    ),
  })
  .openapi("WebhookEvent", {
    example: {
      id: "evt_0k3f9x2m7d4q8w1z",
      type: "request.cancelled",
      createdAt: "2026-12-03T13:40:00.000Z",
      sequence: 42,
      actor: { type: "client", clientId: "cli_7h2k9d4f1s6g3j8l" },
      data: { object: { id: "req_0k3f9x2m7d4q8w1z", status: "cancelled" }, reason: "Order cancelled by the customer" },
    },
  });

/** One event type's payload, with its object typed (the document's `webhooks` entries, so SDKs type them). */
export const typedEvent = <T extends z.ZodType>(type: string, object: T) =>
  z.object({ ...eventFields, type: z.literal(type), data: eventData(object) });

const param = (name: string, prefix: "whe" | "whd", what: string) =>
  z
    .string()
    .regex(idPattern(prefix), `Not a ${what} id.`)
    .openapi({ param: { name, in: "path" } });

export const EndpointParams = z.object({ endpointId: param("endpointId", "whe", "webhook endpoint") });
export const DestinationEndpointParams = DestinationParams.extend(EndpointParams.shape);
export const DeliveryParams = DestinationEndpointParams.extend({ deliveryId: param("deliveryId", "whd", "delivery") });
export const ClientDeliveryParams = EndpointParams.extend({ deliveryId: param("deliveryId", "whd", "delivery") });

export const CursorQuery = z.object({ cursor: z.string().max(200).optional() }).strict();
/** A delivery list's cursor: the last row's "createdAt.id" as the API gave it. */
export const DeliveryCursorQuery = z
  .object({
    cursor: z
      .string()
      .regex(/^\d{1,15}\.whd_[0-9a-z]{16}$/, "Not a cursor this API issued; pass nextCursor as it came.")
      .optional(),
  })
  .strict();

const eventCursor = z
  .string()
  .max(200)
  .refine((s) => decodeEventCursor(s) !== null, "Not a cursor this API issued; pass nextCursor as it came, or leave it out to start.")
  .optional()
  .openapi({ description: "The nextCursor of an earlier page (store it: it is given on every page). Absent: the oldest kept event." });

export const DestinationEventsQuery = z
  .object({
    cursor: eventCursor,
    limit: z.coerce.number().int().min(1).max(EVENTS_PAGE_MAX).default(EVENTS_PAGE).openapi({ description: "1–100, default 50." }),
  })
  .strict();
export const EventsQuery = DestinationEventsQuery.extend({ type: WebhookEventTypeSchema.optional() }).strict();

export const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** A catch-up page: `nextCursor` is on every page, the last included; `hasMore` says whether to ask again now. */
export const eventPage = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    nextCursor: z.string().openapi({ description: "Where this page ends. Store it and pass it as cursor to get only newer events." }),
    hasMore: z.boolean().openapi({ description: "True when more events may be read right now; false once caught up." }),
  });
