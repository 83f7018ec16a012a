import type { EventActor } from "../lib/actor";
import type { ClientStatus, Permission } from "../clients/credentials/permissions";
import { newId } from "../lib/ids";
import type { EventView } from "./views";
import { isExpired } from "../limits/client-limits";
import { TEST_EVENT_TYPE, type WebhookEventType } from "./events";
import { isoTime } from "../lib/iso-time";

/**
 * The authority's webhook state: plain functions over its SqlStorage, called
 * inside the authority's transactionSync so an event is recorded atomically
 * with the state change that caused it (the outbox), and its deliveries with it.
 */

/** Whom an event is about, which decides which orchestrator endpoints may see it. */
export type EventSubject =
  | { kind: "request"; requestId: string; direction: "incoming" | "outgoing"; creatorClientId: string | null }
  | { kind: "client"; clientId: string };

export type RecordEventInput = {
  type: WebhookEventType;
  subject: EventSubject;
  /** Who caused it, as events show actors (never a secret's hash). */
  actor: EventActor;
  /** What else the event says, beside the object: a reason, a txHash, detectedBy. */
  details?: Record<string, string>;
  /** The request, link or client exactly as the API shows it now (full state, not a diff). */
  object: unknown;
  at: number;
};

export type EndpointRow = {
  id: string;
  destination_id: string;
  client_id: string | null;
  url: string;
  events: string;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_until: number | null;
  status: "enabled" | "disabled";
  disabled_reason: string | null;
  failing_since: number | null;
  created_at: number;
};

export type EventRow = {
  position: number;
  id: string;
  type: string;
  request_id: string | null;
  direction: string | null;
  client_id: string | null;
  object: string;
  created_at: number;
  /** JSON; null on events recorded before actors were kept (authority step 9). */
  actor: string | null;
  details: string | null;
};

/**
 * An orchestrator endpoint's client as it is now: scope is decided at delivery
 * time. `reads` is false once it is revoked or past its expiresAt: an expired
 * client, like a revoked one, sees only its own requests (API v1.2).
 */
export type ClientStanding = { reads: boolean; permissions: Permission[] } | undefined;

/**
 * The scope rule. A recipient endpoint sees every event of its destination. A
 * client's endpoint sees events about requests that client created, events
 * about its own client ID, and, while the client is active, requests of a
 * direction it holds `<direction>:reader` for. So after revocation or expiry: its own only.
 */
export function endpointMaySee(
  endpointClientId: string | null,
  event: Pick<EventRow, "request_id" | "direction" | "client_id" | "type">,
  client: ClientStanding,
): boolean {
  if (endpointClientId === null) return true;
  if (event.type === TEST_EVENT_TYPE) return false;
  if (event.client_id === endpointClientId) return true;
  if (event.request_id === null || !client || !client.reads) return false;
  return client.permissions.includes(`${event.direction}:reader` as Permission);
}

/** The client's standing at `now` (the authority's clock): whether its reader permissions still count. */
export function clientStanding(sql: SqlStorage, clientId: string | null, now: number): ClientStanding {
  if (clientId === null) return undefined;
  const row = sql
    .exec<{
      status: ClientStatus;
      permissions: string;
      expires_at: number | null;
    }>("SELECT status, permissions, expires_at FROM clients WHERE id = ?", clientId)
    .toArray()[0];
  if (!row) return undefined;
  return { reads: row.status === "active" && !isExpired(row, now), permissions: JSON.parse(row.permissions) as Permission[] };
}

/** An event recorded before actors were kept: the request's creator for its creation, else the system. */
function legacyActor(e: Pick<EventRow, "type" | "object">): EventActor {
  if (e.type !== "request.created") return { type: "system" };
  const createdBy = (JSON.parse(e.object) as { createdBy?: { type: string; clientId?: string } }).createdBy;
  return createdBy?.type === "client" && createdBy.clientId ? { type: "client", clientId: createdBy.clientId } : { type: "user" };
}

/** `data` of an event: its object, and its details beside it (as Stripe puts previous_attributes beside object). */
function dataJson(e: Pick<EventRow, "object" | "details">): string {
  const details = e.details === null ? "" : e.details.slice(1, -1);
  return `{"object":${e.object}${details ? `,${details}` : ""}}`;
}

/**
 * The exact body every attempt of an event sends, and the one shape of an event everywhere (webhooks,
 * GET /v1/events, a request's timeline): `sequence` is the destination's log position, only growing.
 */
export function eventBody(e: EventRow): string {
  const actor = e.actor ?? JSON.stringify(legacyActor(e));
  return `{"id":${JSON.stringify(e.id)},"type":${JSON.stringify(e.type)},"createdAt":${JSON.stringify(isoTime(e.created_at))},"sequence":${e.position},"actor":${actor},"data":${dataJson(e)}}`;
}

/** An event as the API shows it (the parsed eventBody). */
export const eventView = (e: EventRow): EventView => JSON.parse(eventBody(e)) as EventView;

export const subscribed = (endpoint: Pick<EndpointRow, "events">, type: string) => {
  const events = JSON.parse(endpoint.events) as string[];
  return events.length === 0 || events.includes(type);
};

function insertDelivery(sql: SqlStorage, event: Pick<EventRow, "id" | "position">, endpointId: string, at: number): string {
  const id = newId("whd");
  sql.exec(
    "INSERT INTO webhook_deliveries (id, event_id, event_position, endpoint_id, status, attempts, next_attempt_at, enqueued, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, 0, ?, ?)",
    id,
    event.id,
    event.position,
    endpointId,
    at,
    at,
    at,
  );
  return id;
}

type NewEvent = {
  type: string;
  subject: EventSubject | null;
  object: unknown;
  at: number;
  actor: EventActor;
  details?: Record<string, string>;
};

function insertEvent(sql: SqlStorage, { type, subject, object, at, actor, details }: NewEvent): EventRow {
  const id = newId("evt");
  const requestId = subject?.kind === "request" ? subject.requestId : null;
  const direction = subject?.kind === "request" ? subject.direction : null;
  const clientId = subject === null ? null : subject.kind === "request" ? subject.creatorClientId : subject.clientId;
  return sql
    .exec<EventRow>(
      "INSERT INTO events (id, type, request_id, direction, client_id, object, created_at, actor, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *",
      id,
      type,
      requestId,
      direction,
      clientId,
      JSON.stringify(object),
      at,
      JSON.stringify(actor),
      details && Object.keys(details).length > 0 ? JSON.stringify(details) : null,
    )
    .one();
}

/**
 * Records an event and one pending delivery per enabled, subscribed endpoint
 * that may see it. Call it inside the transactionSync of the change it
 * reports; afterwards call the authority's `dispatchWebhooks()` (its alarm
 * does it anyway if the object dies first). Returns the new event's id.
 */
export function recordEvent(sql: SqlStorage, input: RecordEventInput): { eventId: string; deliveries: number } {
  const event = insertEvent(sql, input);
  const endpoints = sql.exec<EndpointRow>("SELECT * FROM webhook_endpoints WHERE status = 'enabled'").toArray();
  let deliveries = 0;
  for (const e of endpoints) {
    if (!subscribed(e, input.type) || !endpointMaySee(e.client_id, event, clientStanding(sql, e.client_id, input.at))) continue;
    insertDelivery(sql, event, e.id, input.at);
    deliveries++;
  }
  return { eventId: event.id, deliveries };
}

/** "Send test event": an event for one endpoint only, kept out of the catch-up lists. */
export function recordTestEvent(sql: SqlStorage, endpoint: EndpointRow, at: number): string {
  const object = { message: "A test event from Payrelay: your endpoint is reachable and verifies signatures.", endpointId: endpoint.id };
  const event = insertEvent(sql, { type: TEST_EVENT_TYPE, subject: null, object, at, actor: { type: "system" } });
  return insertDelivery(sql, event, endpoint.id, at);
}
