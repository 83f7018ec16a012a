import type { CallerActor } from "../lib/actor";
import type { AttemptOutcome } from "./events";
import { auditedChange } from "../audit/audit-log";
import type { AuthorityHost } from "../authority/authority-host";
import { limitedChange } from "./endpoint-change-limit";
import { listEvents } from "./event-catch-up";
import { beginAttempt, deadLetter, reportAttempt } from "./webhook-attempts";
import { asOwner, type WebhookResult } from "./webhook-callers";
import { deleteEndpoint, insertEndpoint, listEndpoints, retryDelivery, rotateSecret, sendTestEvent } from "./webhook-endpoints";
import type { NewEndpoint } from "./webhook-endpoints";
import { listDeliveries } from "./webhook-listing";

/**
 * The webhook RPCs (destination-authority.ts), each as its caller's endpoint owner (webhook-callers.ts's asOwner).
 * Endpoint changes are rate limited per owner and audited in the same transaction; a new delivery goes to the
 * queue right after (the host's afterEvents).
 */

/** asOwner on an object that may hold nothing yet: a recipient's call sets up the schema, a client's cannot be one of ours. */
function as<T extends object>(
  host: AuthorityHost,
  caller: CallerActor,
  changes: boolean,
  fn: Parameters<typeof asOwner<T>>[3],
): WebhookResult<T> {
  if (!host.ready) {
    if (caller.type !== "user") return { outcome: "unauthenticated" };
    host.ensureSchema();
  }
  return asOwner(host.sql, caller, changes, fn, host.now());
}

export function createEndpoint(host: AuthorityHost, caller: CallerActor, e: NewEndpoint) {
  const now = host.now();
  const run = () => as(host, caller, true, (o) => limitedChange(host.sql, o, now, () => insertEndpoint(host.sql, o, e, now)));
  return auditedChange(host, caller, "webhook_endpoint.created", (v) => v.id, run, now);
}

export const listEndpointsAs = (host: AuthorityHost, caller: CallerActor) => as(host, caller, false, (o) => listEndpoints(host.sql, o));

export function deleteEndpointAs(host: AuthorityHost, caller: CallerActor, endpointId: string) {
  const now = host.now();
  const run = () => as(host, caller, false, (o) => limitedChange(host.sql, o, now, () => deleteEndpoint(host.sql, o, endpointId)));
  return auditedChange(host, caller, "webhook_endpoint.deleted", () => endpointId, run, now);
}

export function rotateEndpointSecret(host: AuthorityHost, caller: CallerActor, endpointId: string, sealedSecret: string) {
  const now = host.now();
  const run = () =>
    as(host, caller, false, (o) => limitedChange(host.sql, o, now, () => rotateSecret(host.sql, o, endpointId, sealedSecret, now)));
  return auditedChange(host, caller, "webhook_endpoint.secret_rotated", () => endpointId, run, now);
}

/** A `webhook.test` delivery; only a recorded one goes to the queue (a stranger's call may reach an object that holds nothing). */
export async function sendTest(host: AuthorityHost, caller: CallerActor, endpointId: string) {
  const result = as(host, caller, false, (o) => sendTestEvent(host.sql, o, endpointId, host.now()));
  if (result.outcome === "ok") await host.afterEvents(host.now());
  return result;
}

export const listDeliveriesAs = (host: AuthorityHost, caller: CallerActor, endpointId: string, cursor: string | null) =>
  as(host, caller, false, (o) => listDeliveries(host.sql, o, endpointId, cursor));

export async function retryDeliveryAs(host: AuthorityHost, caller: CallerActor, endpointId: string, deliveryId: string) {
  const result = as(host, caller, false, (o) => retryDelivery(host.sql, o, endpointId, deliveryId, host.now()));
  if (result.outcome === "ok") await host.afterEvents(host.now());
  return result;
}

export const listEventsAs = (host: AuthorityHost, caller: CallerActor, after: number, type: string | null, limit?: number) =>
  as(host, caller, false, (o) => listEvents(host.sql, o, after, type, host.now(), limit));

// The queue consumer's side of a delivery (webhooks/webhook-deliveries.ts).

export const beginDelivery = (host: AuthorityHost, deliveryId: string) => beginAttempt(host.sql, deliveryId, host.now());

export async function reportDelivery(host: AuthorityHost, deliveryId: string, attempt: number, outcome: AttemptOutcome) {
  if (reportAttempt(host.sql, deliveryId, attempt, outcome, host.now())) await host.afterEvents(host.now());
}

export const deadLetterDelivery = (host: AuthorityHost, deliveryId: string) => deadLetter(host.sql, deliveryId, host.now());
