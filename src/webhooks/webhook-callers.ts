import { isExpired } from "../limits/client-limits";
import { secretMatches, type ClientRow } from "../clients/client-store";
import type { RefusedAs } from "../authority/outcomes";
import type { EndpointOwner } from "./webhook-endpoints";
import type { CallerActor } from "../lib/actor";

/** A refusal other than not_found, returned by an operation. */
export type Refused = RefusedAs<"conflict" | "rate_limited" | "validation_failed">;
export type WebhookResult<T> =
  | { outcome: "ok"; value: T }
  | RefusedAs<"unauthenticated" | "client_revoked" | "client_expired" | "not_found" | "conflict" | "rate_limited" | "validation_failed">;

/**
 * Runs `fn` as the caller's endpoint owner: the recipient (the Worker checked the session and the
 * destination) or an orchestrator, whose secret the authority verifies here, as it does for creates. `changes` (creating an endpoint)
 * needs an active, unexpired client; reads and deletes stay open to a revoked
 * or expired client, whose endpoints still receive its own requests' events
 * (what it may read is then decided by clientStanding: its own only).
 * `now` is the authority's clock, the one expiry is judged by everywhere.
 */
export function asOwner<T extends object>(
  sql: SqlStorage,
  caller: CallerActor,
  changes: boolean,
  fn: (owner: EndpointOwner) => T | null | Refused,
  now: number,
): WebhookResult<T> {
  let owner: EndpointOwner = { type: "recipient" };
  if (caller.type === "client") {
    const row = sql.exec<ClientRow>("SELECT * FROM clients WHERE id = ?", caller.clientId).toArray()[0];
    if (!row || !secretMatches(row, caller.secretHash, now)) return { outcome: "unauthenticated" };
    if (changes && row.status !== "active")
      return { outcome: "client_revoked", detail: "This client ID was revoked; it can no longer add webhook endpoints." };
    if (changes && isExpired(row, now))
      return { outcome: "client_expired", detail: "This client ID is past its expiresAt; it can no longer add webhook endpoints." };
    owner = { type: "client", clientId: caller.clientId };
  }
  const value = fn(owner);
  if (value === null) return { outcome: "not_found" };
  return "outcome" in value ? value : { outcome: "ok", value };
}
