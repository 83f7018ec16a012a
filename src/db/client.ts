import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

type Drizzle = ReturnType<typeof drizzle<typeof schema>>;
const instances = new WeakMap<D1Database, Drizzle>();

/**
 * The one way to reach D1: drizzle over the `DB` binding. Built once per binding
 * and isolate, not per request: building it walks the whole schema (bench/findings.md).
 */
export function database(d1: D1Database): Drizzle {
  let db = instances.get(d1);
  if (!db) instances.set(d1, (db = drizzle(d1, { schema })));
  return db;
}

export type Database = ReturnType<typeof database>;

const preparedByHandle = new WeakMap<Database, Map<string, unknown>>();

/**
 * A query built once per database handle and name, then bound per call: drizzle
 * building a query anew was a fifth to a third of a hot path's CPU (bench/findings.md).
 */
export function preparedOnce<T>(db: Database, name: string, build: (db: Database) => T): T {
  let byName = preparedByHandle.get(db);
  if (!byName) preparedByHandle.set(db, (byName = new Map()));
  let query = byName.get(name) as T | undefined;
  if (query === undefined) byName.set(name, (query = build(db)));
  return query;
}
