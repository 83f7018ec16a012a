import { isExpired } from "./client-limits";
import { secretMatches, type ClientRow } from "./client-store";
import type { EndpointOwner } from "./webhook-endpoints";

/**
 * Who calls a webhook RPC: the recipient (the Worker checked the session and
 * ownership of the destination) or an orchestrator, whose secret the
 * authority verifies here, as it does for creates.
 */
export type WebhookCaller = { type: "recipient"; userId: string; email: string } | { type: "client"; clientId: string; secretHash: string };

export type WebhookRefusal = "unauthenticated" | "client_revoked" | "client_expired" | "not_found" | "too_many_endpoints" | "rate_limited";
/** A refusal other than not_found, returned by an operation. */
export type Refused = { refused: WebhookRefusal; retryAfterSeconds?: number };
export type WebhookResult<T> = { ok: true; value: T } | { ok: false; error: WebhookRefusal; retryAfterSeconds?: number };

/**
 * Runs `fn` as the caller's endpoint owner. `changes` (creating an endpoint)
 * needs an active, unexpired client; reads and deletes stay open to a revoked
 * or expired client, whose endpoints still receive its own requests' events
 * (what it may read is then decided by clientStanding: its own only).
 * `now` is the authority's clock, the one expiry is judged by everywhere.
 */
export function asOwner<T extends object>(
  sql: SqlStorage,
  caller: WebhookCaller,
  changes: boolean,
  fn: (owner: EndpointOwner) => T | null | Refused,
  now = Date.now(),
): WebhookResult<T> {
  let owner: EndpointOwner = { type: "recipient" };
  if (caller.type === "client") {
    const row = sql.exec<ClientRow>("SELECT * FROM clients WHERE id = ?", caller.clientId).toArray()[0];
    if (!row || !secretMatches(row, caller.secretHash, now)) return { ok: false, error: "unauthenticated" };
    if (changes && row.status !== "active") return { ok: false, error: "client_revoked" };
    if (changes && isExpired(row, now)) return { ok: false, error: "client_expired" };
    owner = { type: "client", clientId: caller.clientId };
  }
  const value = fn(owner);
  if (value === null) return { ok: false, error: "not_found" };
  if (!("refused" in value)) return { ok: true, value };
  return value.retryAfterSeconds === undefined
    ? { ok: false, error: value.refused }
    : { ok: false, error: value.refused, retryAfterSeconds: value.retryAfterSeconds };
}
