import { decodeCursor, encodeCursor } from "../lib/cursor";
import { invalidField, type RefusedAs } from "../authority/outcomes";
import type { DeliveryView } from "./views";
import type { EndpointOwner } from "./webhook-endpoints";
import { ownedEndpoint } from "./webhook-endpoints";
import { isoOrNull } from "../lib/iso-time";

type Page<T> = { data: T[]; nextCursor: string | null };

const PAGE = 50;

type DeliveryListRow = {
  id: string;
  event_id: string;
  type: string;
  status: DeliveryView["status"];
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: number | null;
  created_at: number;
  updated_at: number;
};

/** Newest first. Cursor: the last row's "created_at.id"; null when the endpoint is not this owner's. */
export function listDeliveries(
  sql: SqlStorage,
  owner: EndpointOwner,
  endpointId: string,
  cursor: string | null,
): Page<DeliveryView> | null | RefusedAs<"validation_failed"> {
  if (!ownedEndpoint(sql, owner, endpointId)) return null;
  const m = cursor === null ? null : decodeCursor(cursor, ["whd"]);
  if (cursor !== null && m === null)
    return invalidField("cursor", "Use nextCursor from the previous page.", "Not a cursor this API issued.");
  const after = m ? [m.createdAt, m.id] : [Number.MAX_SAFE_INTEGER, ""];
  const rows = sql
    .exec<DeliveryListRow>(
      `SELECT d.*, e.type FROM webhook_deliveries d JOIN events e ON e.position = d.event_position
       WHERE d.endpoint_id = ? AND (d.created_at < ? OR (d.created_at = ? AND d.id < ?)) ORDER BY d.created_at DESC, d.id DESC LIMIT ?`,
      endpointId,
      after[0],
      after[0],
      m ? after[1] : "~",
      PAGE + 1,
    )
    .toArray();
  const page = rows.slice(0, PAGE);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      eventType: r.type,
      status: r.status,
      attempts: r.attempts,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      nextAttemptAt: r.status === "pending" ? isoOrNull(r.next_attempt_at) : null,
      createdAt: isoOrNull(r.created_at)!,
      updatedAt: isoOrNull(r.updated_at)!,
    })),
    nextCursor: rows.length > PAGE && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}
