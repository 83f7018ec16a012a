import { and, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import { requests, type RequestRow } from "../db/schema";
import type { Permission } from "../credentials/permissions";
import { decodeCursor, encodeCursor } from "../lib/cursor";
import { EXPIRABLE } from "../lifecycle/transitions";
import { ApiError, notFound } from "../lib/problem";
import { serializeRequest } from "./request-view";

type Direction = RequestRow["direction"];

/** What a caller may see under a destination: everything (the recipient) or a client's share. */
export type Visibility = { type: "recipient" } | { type: "client"; clientId: string; permissions: Permission[] };

const readerOf = (v: Visibility, d: Direction) => v.type === "recipient" || v.permissions.includes(`${d}:reader`);

/** A client sees what it created, plus every request of a direction it holds `…:reader` for. */
export function canRead(v: Visibility, row: RequestRow): boolean {
  return readerOf(v, row.direction) || (v.type === "client" && row.createdByClientId === v.clientId);
}

function visibilityFilter(v: Visibility, direction: Direction | undefined): SQL | undefined {
  if (v.type === "recipient") return undefined;
  const own = eq(requests.createdByClientId, v.clientId);
  const dirs: Direction[] = direction ? [direction] : ["incoming", "outgoing"];
  const readable = dirs.filter((d) => readerOf(v, d));
  if (readable.length === dirs.length) return undefined;
  if (readable.length === 0) return own;
  return or(eq(requests.direction, readable[0]!), own);
}

/**
 * A status filter that agrees with what the rows will read as: a request open
 * past its expiresAt shows as `expired` (serializeRequest) before the alarm
 * records it, so it is listed under `expired` and not under its stored status.
 */
function statusFilter(status: RequestRow["status"] | undefined, now: number): SQL | undefined {
  if (!status) return undefined;
  if (status === "expired") {
    return or(eq(requests.status, "expired"), and(inArray(requests.status, [...EXPIRABLE]), lte(requests.expiresAt, now)));
  }
  if (EXPIRABLE.includes(status)) return and(eq(requests.status, status), or(isNull(requests.expiresAt), gt(requests.expiresAt, now)));
  return eq(requests.status, status);
}

export type ListFilters = {
  direction?: Direction;
  status?: RequestRow["status"];
  createdBy?: string;
  limit: number;
  cursor?: string;
};

/** Newest first, keyset-paginated on (created_at, id): each page is one index range scan. */
export async function listRequests(db: Database, destinationId: string, v: Visibility, f: ListFilters) {
  const cursor = f.cursor === undefined ? undefined : decodeCursor(f.cursor);
  if (cursor === null)
    throw new ApiError("validation_failed", "The cursor is not one this API issued.", [{ path: "cursor", message: "Invalid cursor." }]);
  const where = and(
    eq(requests.destinationId, destinationId),
    f.direction ? eq(requests.direction, f.direction) : undefined,
    statusFilter(f.status, Date.now()),
    f.createdBy === "manual" ? eq(requests.createdByType, "manual") : undefined,
    f.createdBy && f.createdBy !== "manual" ? eq(requests.createdByClientId, f.createdBy) : undefined,
    visibilityFilter(v, f.direction),
    cursor ? sql`(${requests.createdAt}, ${requests.id}) < (${cursor.createdAt}, ${cursor.id})` : undefined,
  );
  const rows = await db
    .select()
    .from(requests)
    .where(where)
    .orderBy(desc(requests.createdAt), desc(requests.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    data: page.map(serializeRequest),
    nextCursor: rows.length > f.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

const requestById = (db: Database) =>
  db
    .select()
    .from(requests)
    .where(eq(requests.id, sql.placeholder("id")))
    .prepare();
const byIdQueries = new WeakMap<Database, ReturnType<typeof requestById>>();

/** One request under a destination, or 404 when absent or not the caller's to see. */
export async function readRequest(db: Database, requestId: string, v: Visibility, destinationId?: string): Promise<RequestRow> {
  // Prepared once per database handle: drizzle building this SELECT was about a fifth of a get's CPU.
  let byId = byIdQueries.get(db);
  if (!byId) byIdQueries.set(db, (byId = requestById(db)));
  const row = await byId.get({ id: requestId });
  if (!row || (destinationId !== undefined && row.destinationId !== destinationId) || !canRead(v, row)) {
    throw notFound("request");
  }
  return row;
}
