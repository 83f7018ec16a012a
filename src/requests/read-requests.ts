import { eq, sql } from "drizzle-orm";
import { preparedOnce, type Database } from "../db/client";
import { requests, type RequestRow } from "../db/schema";
import { decodeCursor, encodeCursor } from "../lib/cursor";
import { ApiError, notFound } from "../lib/problem";
import { readerOf, requestRow, selectPage, type ListFilters, type Visibility } from "./list-query";
import { serializeRequest } from "./request-view";

export type { ListFilters, Visibility } from "./list-query";
export { requestRow } from "./list-query";

/** A client sees what it created, plus every request of a direction it holds `…:reader` for. */
export function canRead(v: Visibility, row: RequestRow): boolean {
  return readerOf(v, row.direction) || (v.type === "client" && row.createdByClientId === v.clientId);
}

/** Newest first, keyset-paginated on (created_at, id): each page is one index range scan. */
export async function listRequests(db: Database, destinationId: string, v: Visibility, f: ListFilters) {
  const now = Date.now();
  return pageOf(await selectPage(db, destinationId, v, f, listCursor(f), now), f, now);
}

/** A list's cursor, decoded; 400 for one this API did not issue. */
export function listCursor(f: ListFilters): { createdAt: number; id: string } | undefined {
  const cursor = f.cursor === undefined ? undefined : decodeCursor(f.cursor);
  if (cursor === null)
    throw new ApiError("validation_failed", "The cursor is not one this API issued.", [{ path: "cursor", message: "Invalid cursor." }]);
  return cursor;
}

/** A page of `f.limit` rows and the cursor after it, from the `f.limit + 1` rows a page query reads. */
export function pageOf(rows: RequestRow[], f: ListFilters, now: number) {
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((row) => serializeRequest(row, now)),
    nextCursor: rows.length > f.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

const requestById = (db: Database) =>
  db
    .select()
    .from(requests)
    .where(eq(requests.id, sql.placeholder("id")))
    .prepare();

/**
 * One request under a destination, or 404 when absent or not the caller's to see.
 * `v` may be a pending promise (the authority's answer): the D1 read runs
 * meanwhile, and a wrong secret still answers 401 before anything is shown.
 */
export async function readRequest(
  db: Database,
  requestId: string,
  visibility: Visibility | Promise<Visibility>,
  destinationId?: string,
): Promise<RequestRow> {
  const [v, found] = await Promise.all([visibility, preparedOnce(db, "request by id", requestById).values({ id: requestId })]);
  const raw = found[0];
  return visibleRow(raw && requestRow(raw), v, destinationId);
}

/** The row if the caller may see it; 404 when absent, under another destination, or not the caller's share. */
export function visibleRow(row: RequestRow | undefined, v: Visibility, destinationId?: string): RequestRow {
  if (!row || (destinationId !== undefined && row.destinationId !== destinationId) || !canRead(v, row)) throw notFound("request");
  return row;
}

/** The SQL of the request-by-id read, for a batch (clients/client-access.ts's readRequestAs). */
export const requestByIdSql = (db: Database) => requestById(db).getQuery().sql;
