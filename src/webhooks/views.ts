/** Webhook shapes as the API shows them, types only: endpoints and deliveries are their zod schemas' types. */
import type { z } from "@hono/zod-openapi";
import type { EventActor } from "../lib/actor";
import type { WebhookDeliverySchema, WebhookEndpointSchema } from "./webhook.schemas";

export type EndpointView = z.infer<typeof WebhookEndpointSchema>;
export type DeliveryView = z.infer<typeof WebhookDeliverySchema>;

/**
 * One event, the same everywhere: webhooks, GET /v1/events, a request's timeline. Looser than the wire's WebhookEvent
 * (its type a string, its data any record): the authority records events without the wire's types, and
 * listRequestEvents narrows them to the contract's. Not yet derived from WebhookEventSchema.
 */
export type EventView = {
  id: string;
  type: string;
  createdAt: string;
  sequence: number;
  actor: EventActor;
  data: { object: unknown } & Record<string, unknown>;
};
