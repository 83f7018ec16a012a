import { and, desc, eq, fillPlaceholders, gt, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { preparedOnce, type Database } from "../db/client";
import { rowMapper } from "../db/row-mapper";
import { requests, type RequestRow } from "../db/schema";
import type { Permission } from "../clients/credentials/permissions";
import { EXPIRABLE } from "./transitions";
import { ApiError } from "../lib/problem";

type Direction = RequestRow["direction"];

/** What a caller may see under a destination: everything (the recipient) or a client's share. */
export type Visibility = { type: "recipient" } | { type: "client"; clientId: string; permissions: Permission[] };

export const readerOf = (v: Visibility, d: Direction) => v.type === "recipient" || v.permissions.includes(`${d}:reader`);

export type ListFilters = {
  direction?: Direction;
  status?: RequestRow["status"];
  createdBy?: string;
  endToEndId?: string;
  limit: number;
  cursor?: string;
  /** Exact reference; creation time bounds (ISO); metadata values that must all match. */
  reference?: string;
  createdAfter?: string;
  createdBefore?: string;
  metadata?: Record<string, string>;
};

/**
 * A list's SELECT depends on which filters are present and on what the caller may
 * read, never on their values. So it is built once per such shape and database
 * handle, as a prepared statement whose values are placeholders: drizzle building
 * the query anew was about a quarter of a list's CPU (bench/results/latest.md).
 */
type Shape = {
  direction: boolean;
  status: "none" | "expired" | "open" | "other";
  createdBy: "none" | "manual" | "client";
  /** The client's share: none (reads all), its own only, or its own plus one direction it reads. */
  visibility: "all" | "own" | Direction;
  endToEndId: boolean;
  cursor: boolean;
  reference: boolean;
  after: boolean;
  before: boolean;
  /** How many metadata filters (each a key and a value placeholder). */
  metadata: number;
};

const p = (name: string) => sql.placeholder(name);
/** A whole `requests` row from D1's raw array (every list and get selects the whole row). */
export const requestRow = rowMapper(requests);

/**
 * A status filter that agrees with what the rows will read as: a request open
 * past its expiresAt shows as `expired` (serializeRequest) before the alarm
 * records it, so it is listed under `expired` and not under its stored status.
 */
function statusWhere(shape: Shape["status"]): SQL | undefined {
  if (shape === "none") return undefined;
  if (shape === "expired")
    return or(eq(requests.status, "expired"), and(inArray(requests.status, [...EXPIRABLE]), lte(requests.expiresAt, p("now"))));
  if (shape === "open") return and(eq(requests.status, p("status")), or(isNull(requests.expiresAt), gt(requests.expiresAt, p("now"))));
  return eq(requests.status, p("status"));
}

function visibilityWhere(shape: Shape["visibility"]): SQL | undefined {
  if (shape === "all") return undefined;
  const own = eq(requests.createdByClientId, p("clientId"));
  return shape === "own" ? own : or(eq(requests.direction, shape), own);
}

const build = (db: Database, s: Shape) =>
  db
    .select()
    .from(requests)
    .where(
      and(
        eq(requests.destinationId, p("destinationId")),
        s.direction ? eq(requests.direction, p("direction")) : undefined,
        statusWhere(s.status),
        s.createdBy === "manual" ? eq(requests.createdByType, "manual") : undefined,
        s.createdBy === "client" ? eq(requests.createdByClientId, p("createdBy")) : undefined,
        visibilityWhere(s.visibility),
        s.endToEndId ? eq(requests.endToEndId, p("endToEndId")) : undefined,
        s.cursor ? sql`(${requests.createdAt}, ${requests.id}) < (${p("cursorAt")}, ${p("cursorId")})` : undefined,
        s.reference ? eq(requests.reference, p("reference")) : undefined,
        s.after ? gt(requests.createdAt, p("after")) : undefined,
        s.before ? lt(requests.createdAt, p("before")) : undefined,
        ...Array.from(
          { length: s.metadata },
          (_, i) => sql`EXISTS (SELECT 1 FROM json_each(${requests.metadata}) WHERE key = ${p(`mk${i}`)} AND value = ${p(`mv${i}`)})`,
        ),
      ),
    )
    .orderBy(desc(requests.createdAt), desc(requests.id))
    .limit(p("limit"))
    .prepare();

function visibilityShape(v: Visibility, direction: Direction | undefined): Shape["visibility"] {
  if (v.type === "recipient") return "all";
  const dirs: Direction[] = direction ? [direction] : ["incoming", "outgoing"];
  const readable = dirs.filter((d) => readerOf(v, d));
  if (readable.length === dirs.length) return "all";
  return readable.length === 0 ? "own" : readable[0]!;
}

/** Up to `limit` + 1 rows of the page, newest first, after the cursor's (createdAt, id) if given. */
export async function selectPage(
  db: Database,
  destinationId: string,
  v: Visibility,
  f: ListFilters,
  cursor: { createdAt: number; id: string } | undefined,
  now: number,
): Promise<RequestRow[]> {
  const { query, values } = pageQuery(db, destinationId, v, f, cursor, now);
  return (await query.values(values)).map(requestRow);
}

/** selectPage's statement, bound, for a D1 batch (clients/client-access.ts reads it beside the caller's credential). */
export function pageStatement(
  d1: D1Database,
  db: Database,
  destinationId: string,
  v: Visibility,
  f: ListFilters,
  cursor: { createdAt: number; id: string } | undefined,
  now: number,
): D1PreparedStatement {
  const { query, values } = pageQuery(db, destinationId, v, f, cursor, now);
  const { sql: text, params } = query.getQuery();
  return preparedOnce(db, `statement ${text}`, () => d1.prepare(text)).bind(...fillPlaceholders(params, values));
}

function pageQuery(
  db: Database,
  destinationId: string,
  v: Visibility,
  f: ListFilters,
  cursor: { createdAt: number; id: string } | undefined,
  now: number,
) {
  const shape: Shape = {
    direction: f.direction !== undefined,
    status: !f.status ? "none" : f.status === "expired" ? "expired" : EXPIRABLE.includes(f.status) ? "open" : "other",
    createdBy: !f.createdBy ? "none" : f.createdBy === "manual" ? "manual" : "client",
    visibility: visibilityShape(v, f.direction),
    endToEndId: f.endToEndId !== undefined,
    cursor: cursor !== undefined,
    reference: f.reference !== undefined,
    after: f.createdAfter !== undefined,
    before: f.createdBefore !== undefined,
    metadata: Object.keys(f.metadata ?? {}).length,
  };
  const key = `${+shape.direction}${shape.status}/${shape.createdBy}/${shape.visibility}/${+shape.endToEndId}/${+shape.cursor}/${+shape.reference}${+shape.after}${+shape.before}${shape.metadata}`;
  const meta = Object.entries(f.metadata ?? {}).flatMap(([k, value], i) => [
    [`mk${i}`, k],
    [`mv${i}`, value],
  ]);
  const query = preparedOnce(db, `list ${key}`, (d) => build(d, shape));
  const values = {
    destinationId,
    direction: f.direction,
    status: f.status,
    now,
    createdBy: f.createdBy,
    endToEndId: f.endToEndId,
    clientId: v.type === "client" ? v.clientId : undefined,
    cursorAt: cursor?.createdAt,
    cursorId: cursor?.id,
    limit: f.limit + 1,
    reference: f.reference,
    after: f.createdAfter === undefined ? undefined : Date.parse(f.createdAfter),
    before: f.createdBefore === undefined ? undefined : Date.parse(f.createdBefore),
    ...Object.fromEntries(meta),
  };
  return { query, values };
}

/**
 * The `metadata[key]=value` filters of a list's URL (a deepObject parameter, which the
 * validator sees only as flat keys), checked like the create body's metadata:
 * 400 naming the parameter for an empty or long key, a long value, or too many.
 */
export function metadataFilters(url: string, max: number): Record<string, string> | undefined {
  const found: Record<string, string> = {};
  for (const [name, value] of new URL(url).searchParams) {
    const m = /^metadata\[(.*)\]$/.exec(name);
    if (m) found[m[1]!] = value;
  }
  return checkMetadataFilters(found, max);
}

/** The same checks for filters given as an object (the MCP tool's arguments). */
export function checkMetadataFilters(filters: Record<string, string> | undefined, max: number): Record<string, string> | undefined {
  const entries = Object.entries(filters ?? {});
  if (entries.length === 0) return undefined;
  const bad = (path: string, message: string) =>
    new ApiError("validation_failed", `Check this query parameter: ${path}.`, [{ path, message }]);
  if (entries.length > max) throw bad("metadata", `At most ${max} metadata filters at once.`);
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > 40) throw bad(`metadata[${key}]`, "A metadata key has 1 to 40 characters.");
    if (value.length > 500) throw bad(`metadata[${key}]`, "A metadata value has at most 500 characters.");
  }
  return Object.fromEntries(entries);
}
