import type { Refused } from "./webhook-callers";
import type { EndpointOwner } from "./webhook-endpoints";

/**
 * Webhook endpoint changes (create, delete, rotate) per owner: at most
 * ENDPOINT_CHANGES_PER_HOUR in any hour (API v1.2), so churn cannot flood the
 * audit log or the deliveries table. Counted in the authority, which orders
 * every change, as a sliding window of the successful changes' times. Runs
 * inside asOwner, after the caller is authenticated: a stranger's call reads
 * nothing here and writes nothing.
 */
export const ENDPOINT_CHANGES_PER_HOUR = 20;
export const ENDPOINT_CHANGE_WINDOW_MS = 3_600_000;

const ownerKey = (owner: EndpointOwner) => (owner.type === "client" ? `client:${owner.clientId}` : "recipient");

/** Runs `change` unless the owner has used its hour's changes; counts it when it succeeded. */
export function limitedChange<T extends object>(
  sql: SqlStorage,
  owner: EndpointOwner,
  now: number,
  change: () => T | null | Refused,
): T | null | Refused {
  const key = ownerKey(owner);
  const recent = sql
    .exec<{ at: number }>(
      "SELECT at FROM webhook_endpoint_changes WHERE owner = ? AND at > ? ORDER BY at DESC LIMIT ?",
      key,
      now - ENDPOINT_CHANGE_WINDOW_MS,
      ENDPOINT_CHANGES_PER_HOUR,
    )
    .toArray();
  if (recent.length >= ENDPOINT_CHANGES_PER_HOUR) {
    const oldest = recent[recent.length - 1]!.at;
    const wait = Math.max(1, Math.ceil((oldest + ENDPOINT_CHANGE_WINDOW_MS - now) / 1000));
    return {
      outcome: "rate_limited",
      detail: `At most ${ENDPOINT_CHANGES_PER_HOUR} webhook endpoint changes (create, delete, rotate) an hour per owner; retry in ${wait} s.`,
      limit: {
        policy: "webhook-endpoint-changes",
        limit: ENDPOINT_CHANGES_PER_HOUR,
        windowSeconds: ENDPOINT_CHANGE_WINDOW_MS / 1000,
        retryAfterSeconds: wait,
        resetSeconds: wait,
      },
    };
  }
  const value = change();
  if (value !== null && !("outcome" in value)) {
    sql.exec("DELETE FROM webhook_endpoint_changes WHERE at <= ?", now - ENDPOINT_CHANGE_WINDOW_MS);
    sql.exec("INSERT INTO webhook_endpoint_changes (owner, at) VALUES (?, ?)", key, now);
  }
  return value;
}
