/** Webhook shapes as the API shows them (types only). */
import type { EventActor } from "../lib/actor";

export type EndpointView = {
  id: string;
  url: string;
  events: string[];
  status: "enabled" | "disabled";
  disabledReason: string | null;
  /** Since when every delivery has failed (null: the last one succeeded, or none failed). */
  failingSince: string | null;
  clientId: string | null;
  createdAt: string;
};

export type DeliveryView = {
  id: string;
  eventId: string;
  eventType: string;
  status: "pending" | "delivered" | "failed" | "skipped";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** One event, the same everywhere: webhooks, GET /v1/events, a request's timeline. */
export type EventView = {
  id: string;
  type: string;
  createdAt: string;
  sequence: number;
  actor: EventActor;
  data: { object: unknown } & Record<string, unknown>;
};
