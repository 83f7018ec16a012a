import type { Permission } from "../clients/credentials/permissions";
import { encodeEventCursor } from "../lib/cursor";
import { EVENT_RETENTION_MS, EVENTS_PAGE, EVENTS_PAGE_MAX, TEST_EVENT_TYPE } from "./events";
import type { EventView } from "./views";
import type { EndpointOwner } from "./webhook-endpoints";
import { clientStanding, endpointMaySee, eventView, type EventRow } from "./webhook-store";

export { EVENTS_PAGE, EVENTS_PAGE_MAX };
/** Stored events one call reads at most, whatever it finds (API v1.2): the authority is single-threaded. */
export const EVENTS_READ_CAP = 1000;
/**
 * Positions one call looks through at most. A reader's events of one direction have no index of their own (each
 * would be one more row written per create): they are found by scanning positions, which this window bounds.
 */
export const EVENTS_SCAN_WINDOW = 10 * EVENTS_READ_CAP;

type Scanned = Omit<EventRow, "id" | "object">;
const COLUMNS = "position, type, request_id, direction, client_id, created_at";

/**
 * The scope rule (endpointMaySee) as index ranges: a client's own events by
 * `events_client`, each direction it may read by `events_direction`, each in
 * log order. So a client reads its own events without passing anyone else's,
 * and every row read is one it may see (the type and retention filters aside).
 */
/** A row authority step 14 may leave to keep positions rising after a purge: never an event anyone sees. */
const POSITION_FLOOR_TYPE = "internal.position_floor";

function scopeBranches(viewer: EndpointOwner, readable: Permission[]): [string, unknown[]][] {
  if (viewer.type === "recipient") return [["1 = 1", []]];
  const branches: [string, unknown[]][] = [["client_id = ?", [viewer.clientId]]];
  for (const direction of ["incoming", "outgoing"] as const) {
    if (readable.includes(`${direction}:reader`)) branches.push(["direction = ? AND request_id IS NOT NULL", [direction]]);
  }
  return branches;
}

/**
 * The first event position created after `cutoff`, by a binary search over positions (each probe one rowid seek):
 * events are appended in time order, so no index on their time is needed. Undefined when none is that recent.
 */
function firstPositionAfter(sql: SqlStorage, cutoff: number): number | undefined {
  const at = (p: number) =>
    sql
      .exec<{ position: number; created_at: number }>(
        "SELECT position, created_at FROM events WHERE position >= ? ORDER BY position LIMIT 1",
        p,
      )
      .toArray()[0];
  // Two statements: SQLite answers a lone MIN or MAX of the rowid from the b-tree's edge, not both in one.
  const first = sql.exec<{ p: number | null }>("SELECT MIN(position) AS p FROM events").one().p;
  const last = sql.exec<{ p: number | null }>("SELECT MAX(position) AS p FROM events").one().p;
  if (first === null || last === null) return undefined;
  let lo = first;
  let hi = last;
  if (at(hi)!.created_at <= cutoff) return undefined;
  if (at(lo)!.created_at > cutoff) return lo; // the whole log is recent: one probe
  // The smallest x whose first event at or after it is recent; at(x) only grows with x.
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (at(mid)!.created_at > cutoff) hi = mid;
    else lo = mid + 1;
  }
  return at(lo)!.position;
}

/**
 * Catch-up, oldest first: the destination's events, or those a client's
 * endpoints would receive now (the same scope rule as delivery). One call
 * reads at most EVENTS_READ_CAP stored events (small columns only; the JSON of
 * at most a page), returns what it found among them and a cursor to continue
 * when there is more to read: a page may be short, or empty, with `hasMore`.
 * `nextCursor` is always given (the log position read up to, encoded), also on
 * the last page: a receiver stores it and resumes from it later.
 */
export function listEvents(
  sql: SqlStorage,
  viewer: EndpointOwner,
  from: number,
  type: string | null,
  now: number,
  pageSize = EVENTS_PAGE,
): { data: EventView[]; nextCursor: string; hasMore: boolean } {
  const limit = Math.max(1, Math.min(EVENTS_PAGE_MAX, pageSize));
  let after = from;
  const standing = viewer.type === "client" ? clientStanding(sql, viewer.clientId, now) : undefined;
  const viewerId = viewer.type === "client" ? viewer.clientId : null;
  const branches = scopeBranches(viewer, standing?.reads ? standing.permissions : []);
  // Events about requests outlive the 30 days (they are the requests' timelines): start at the first one inside them.
  const firstKept = firstPositionAfter(sql, now - EVENT_RETENTION_MS);
  const floor =
    firstKept !== undefined ? firstKept - 1 : (sql.exec<{ p: number | null }>("SELECT MAX(position) AS p FROM events").one().p ?? 0);
  if (floor > after) after = floor;
  const windowEnd = after + EVENTS_SCAN_WINDOW;
  const union = branches
    .map(([clause]) => `SELECT ${COLUMNS} FROM events WHERE ${clause} AND position > ? AND position <= ?`)
    .join(" UNION ALL ");
  const scanned = sql
    .exec<Scanned>(`${union} ORDER BY position LIMIT ?`, ...branches.flatMap(([, binds]) => [...binds, after, windowEnd]), EVENTS_READ_CAP)
    .toArray();
  const cutoff = now - EVENT_RETENTION_MS;
  const found: Scanned[] = [];
  let readTo = after;
  let more = scanned.length === EVENTS_READ_CAP;
  let previous = after;
  for (const r of scanned) {
    if (r.position === previous) continue; // in two branches (its creator reads its direction too)
    previous = r.position;
    if (
      r.type === TEST_EVENT_TYPE ||
      r.type === POSITION_FLOOR_TYPE ||
      r.created_at <= cutoff ||
      (type !== null && r.type !== type) ||
      !endpointMaySee(viewerId, r, standing)
    )
      continue;
    if (found.length === limit) {
      more = true;
      break;
    }
    found.push(r);
    readTo = r.position;
  }
  // Rows read past and skipped (another's, another type, expired) need not be read again: the cursor moves past them.
  if (found.length < limit && scanned.length > 0) readTo = Math.max(readTo, scanned[scanned.length - 1]!.position);
  // The scan ended inside its window: what lies past the window is for the next call, from the window's end.
  if (scanned.length < EVENTS_READ_CAP && !more) {
    const last = sql.exec<{ p: number | null }>("SELECT MAX(position) AS p FROM events").one().p ?? 0;
    if (last > windowEnd) {
      more = true;
      if (found.length < limit) readTo = windowEnd;
    }
  }
  const bodies = new Map(
    found.length === 0
      ? []
      : sql
          .exec<EventRow>(`SELECT * FROM events WHERE position IN (${found.map(() => "?").join(",")})`, ...found.map((r) => r.position))
          .toArray()
          .map((r) => [r.position, r]),
  );
  return {
    data: found.map((r) => eventView(bodies.get(r.position)!)),
    nextCursor: encodeEventCursor(readTo),
    hasMore: more,
  };
}

/** A request's timeline: every event about it, oldest first, in the one event shape (kept as long as the request). */
export function requestTimeline(sql: SqlStorage, requestId: string): EventView[] {
  return sql.exec<EventRow>("SELECT * FROM events WHERE request_id = ? ORDER BY position", requestId).toArray().map(eventView);
}
