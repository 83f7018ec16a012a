import type { EndpointView } from "./views";
import type { Refused } from "./webhook-callers";
import { recordTestEvent, type EndpointRow } from "./webhook-store";
import { isoTime } from "../lib/iso-time";

/** Who owns an endpoint: the destination's recipient, or one of its client IDs. */
export type EndpointOwner = { type: "recipient" } | { type: "client"; clientId: string };

export type { EndpointView };

export type NewEndpoint = { id: string; destinationId: string; url: string; events: string[]; sealedSecret: string };

/** Rotation keeps the old secret signing this long, so receivers can switch without dropping events. */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;
/** Per owner: enough for staging plus production plus a spare, small enough to bound fan-out. */
export const MAX_ENDPOINTS_PER_OWNER = 10;

export function endpointView(r: EndpointRow): EndpointView {
  return {
    id: r.id,
    url: r.url,
    events: JSON.parse(r.events) as string[],
    status: r.status,
    disabledReason: r.disabled_reason,
    failingSince: r.failing_since === null ? null : isoTime(r.failing_since),
    clientId: r.client_id,
    createdAt: isoTime(r.created_at),
  };
}

const ownerClause = (owner: EndpointOwner): [string, string[]] =>
  owner.type === "recipient" ? ["client_id IS NULL", []] : ["client_id = ?", [owner.clientId]];

/** One endpoint of this owner; another owner's endpoint does not exist for it. */
export function ownedEndpoint(sql: SqlStorage, owner: EndpointOwner, id: string): EndpointRow | undefined {
  const [clause, binds] = ownerClause(owner);
  return sql.exec<EndpointRow>(`SELECT * FROM webhook_endpoints WHERE id = ? AND ${clause}`, id, ...binds).toArray()[0];
}

export function listEndpoints(sql: SqlStorage, owner: EndpointOwner): EndpointView[] {
  const [clause, binds] = ownerClause(owner);
  return sql
    .exec<EndpointRow>(`SELECT * FROM webhook_endpoints WHERE ${clause} ORDER BY created_at DESC, id DESC`, ...binds)
    .toArray()
    .map(endpointView);
}

/** Refused when the owner already has the maximum number of endpoints. */
export function insertEndpoint(sql: SqlStorage, owner: EndpointOwner, e: NewEndpoint, now: number): EndpointView | Refused {
  const [clause, binds] = ownerClause(owner);
  const count = sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM webhook_endpoints WHERE ${clause}`, ...binds).one().n;
  if (count >= MAX_ENDPOINTS_PER_OWNER)
    return { outcome: "conflict", detail: `At most ${MAX_ENDPOINTS_PER_OWNER} webhook endpoints per owner; delete one first.` };
  sql.exec(
    "INSERT INTO webhook_endpoints (id, destination_id, client_id, url, events, secret_sealed, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'enabled', ?)",
    e.id,
    e.destinationId,
    owner.type === "client" ? owner.clientId : null,
    e.url,
    JSON.stringify(e.events),
    e.sealedSecret,
    now,
  );
  return endpointView(ownedEndpoint(sql, owner, e.id)!);
}

/** Deletes the endpoint and its pending deliveries (queued messages for them are then dropped). */
export function deleteEndpoint(sql: SqlStorage, owner: EndpointOwner, id: string): { deleted: true } | null {
  if (!ownedEndpoint(sql, owner, id)) return null;
  sql.exec("DELETE FROM webhook_deliveries WHERE endpoint_id = ?", id);
  sql.exec("DELETE FROM webhook_endpoints WHERE id = ?", id);
  return { deleted: true };
}

/** The new secret signs from now on; the current one keeps signing for 24 h beside it. */
export function rotateSecret(sql: SqlStorage, owner: EndpointOwner, id: string, sealedSecret: string, now: number): EndpointView | null {
  const row = ownedEndpoint(sql, owner, id);
  if (!row) return null;
  sql.exec(
    "UPDATE webhook_endpoints SET previous_secret_sealed = secret_sealed, previous_secret_until = ?, secret_sealed = ? WHERE id = ?",
    now + ROTATION_OVERLAP_MS,
    sealedSecret,
    id,
  );
  return endpointView(ownedEndpoint(sql, owner, id)!);
}

/** Queues a test event to one endpoint; null when it is not this owner's. */
export function sendTestEvent(sql: SqlStorage, owner: EndpointOwner, id: string, now: number): { deliveryId: string } | null {
  const row = ownedEndpoint(sql, owner, id);
  return row ? { deliveryId: recordTestEvent(sql, row, now) } : null;
}

/** Manual retry: one more attempt now, whatever the delivery's state (a success is simply sent again). */
export function retryDelivery(
  sql: SqlStorage,
  owner: EndpointOwner,
  endpointId: string,
  deliveryId: string,
  now: number,
): { retried: true } | null {
  if (!ownedEndpoint(sql, owner, endpointId)) return null;
  const changed = sql.exec(
    "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?, enqueued = 0, updated_at = ? WHERE id = ? AND endpoint_id = ?",
    now,
    now,
    deliveryId,
    endpointId,
  ).rowsWritten;
  return changed > 0 ? { retried: true } : null;
}
