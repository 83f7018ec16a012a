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
