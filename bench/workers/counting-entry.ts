import worker from "../../src/index";
import { DestinationAuthority as Authority } from "../../src/authority/destination-authority";
import { AuthorityHost } from "../../src/authority/authority-host";
import type { DeliveryMessage } from "../../src/webhooks/events";
import { purgeExpired } from "../../src/jobs/purge";

/**
 * Payrelay exactly as built, with its storage bindings wrapped so every round
 * trip is counted: Durable Object RPCs made through the namespace, D1 statements
 * executed on their own, D1 batches (and the statements inside them), and the
 * authority's own storage calls. Counts are per isolate (the Worker and its
 * objects share one isolate on local workerd) and read at /__bench/counts.
 */
type Bucket = {
  doRpc: number;
  doRpcByMethod: Record<string, number>;
  d1Statements: number;
  d1Batches: number;
  d1BatchStatements: number;
  d1Exec: number;
  /** Rows D1 reports written by statements run alone or in batches (its `meta.rows_written`: what D1 bills). */
  d1RowsWritten: number;
  sql: string[];
};
/** rowsWritten: rows SQLite reports written by the authority's statements (its cursors' `rowsWritten`: what Durable Objects bill). */
type ObjectBucket = { sqlExec: number; rowsWritten: number; transactionSync: number; getAlarm: number; setAlarm: number; alarms: number };

const fresh = (): Bucket => ({
  doRpc: 0,
  doRpcByMethod: {},
  d1Statements: 0,
  d1Batches: 0,
  d1BatchStatements: 0,
  d1Exec: 0,
  d1RowsWritten: 0,
  sql: [],
});
const freshObject = (): ObjectBucket => ({ sqlExec: 0, rowsWritten: 0, transactionSync: 0, getAlarm: 0, setAlarm: 0, alarms: 0 });
/** The authority's cursors since the counts were last read: a cursor knows its rows written once consumed. */
let cursors: SqlStorageCursor<Record<string, SqlStorageValue>>[] = [];
const settleCursors = () => {
  for (const c of cursors) counts.objectStorage.rowsWritten += c.rowsWritten;
  cursors = [];
};
// queue: the webhook consumer's calls (bench/phases/webhooks.mjs), apart from the request path's.
const counts = { worker: fresh(), object: fresh(), objectStorage: freshObject(), queue: fresh() };

const noteSql = (b: Bucket, sql: string) => {
  if (!b.sql.includes(sql) && b.sql.length < 50) b.sql.push(sql);
};

function countedD1(db: D1Database, b: Bucket): D1Database {
  const real = new WeakMap<object, D1PreparedStatement>();
  const sqlOf = new WeakMap<object, string>();
  const wrap = (s: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const w = {
      bind: (...v: unknown[]) => wrap(s.bind(...v), sql),
      first: (col?: string) => {
        b.d1Statements++;
        noteSql(b, sql);
        return col === undefined ? s.first() : s.first(col);
      },
      run: async () => {
        b.d1Statements++;
        noteSql(b, sql);
        const r = await s.run();
        b.d1RowsWritten += r.meta.rows_written ?? 0;
        return r;
      },
      all: async () => {
        b.d1Statements++;
        noteSql(b, sql);
        const r = await s.all();
        b.d1RowsWritten += r.meta.rows_written ?? 0;
        return r;
      },
      raw: (o?: { columnNames?: boolean }) => {
        b.d1Statements++;
        noteSql(b, sql);
        return s.raw(o as { columnNames: true });
      },
    } as unknown as D1PreparedStatement;
    real.set(w, s);
    sqlOf.set(w, sql);
    return w;
  };
  return {
    prepare: (sql: string) => wrap(db.prepare(sql), sql),
    batch: (stmts: D1PreparedStatement[]) => {
      b.d1Batches++;
      b.d1BatchStatements += stmts.length;
      // A read batches the caller's credential with its query (clients/client-access.ts): both are the SQL it sent.
      for (const stmt of stmts) {
        const text = sqlOf.get(stmt);
        if (text !== undefined) noteSql(b, text);
      }
      return db.batch(stmts.map((s) => real.get(s) ?? s)).then((rs) => {
        for (const r of rs) b.d1RowsWritten += r.meta.rows_written ?? 0;
        return rs;
      });
    },
    exec: (sql: string) => {
      b.d1Exec++;
      return db.exec(sql);
    },
    dump: () => db.dump(),
    withSession: (c?: string) => db.withSession(c as D1SessionConstraint),
  } as unknown as D1Database;
}

function countedNamespace<N extends object>(ns: N, b: Bucket): N {
  const stub = (s: object) =>
    new Proxy(s, {
      get(target, key) {
        const v = Reflect.get(target, key, target) as unknown;
        if (typeof v !== "function" || typeof key !== "string") return v;
        return (...args: unknown[]) => {
          b.doRpc++;
          b.doRpcByMethod[key] = (b.doRpcByMethod[key] ?? 0) + 1;
          // Reflect.apply: on an RPC stub, `.apply` would itself be a remote method.
          return Reflect.apply(v as (...a: unknown[]) => unknown, target, args);
        };
      },
    });
  return new Proxy(ns, {
    get(target, key) {
      const v = Reflect.get(target, key, target) as unknown;
      if (key === "get" || key === "getByName")
        return (...a: unknown[]) => stub(Reflect.apply(v as (...x: unknown[]) => object, target, a));
      return typeof v === "function" ? (v as (...x: unknown[]) => unknown).bind(target) : v;
    },
  });
}

const countedEnv = (env: Env, b: Bucket): Env => ({
  ...env,
  DB: countedD1(env.DB, b),
  DESTINATION_AUTHORITY: countedNamespace(env.DESTINATION_AUTHORITY, b),
});

function countedStorage(ctx: DurableObjectState): DurableObjectState {
  const o = () => counts.objectStorage;
  const sql = new Proxy(ctx.storage.sql, {
    get(t, k) {
      const v = Reflect.get(t, k, t) as unknown;
      if (k === "exec")
        return (...a: unknown[]) => {
          o().sqlExec++;
          const cursor = Reflect.apply(v as (...x: unknown[]) => unknown, t, a) as SqlStorageCursor<Record<string, SqlStorageValue>>;
          cursors.push(cursor);
          return cursor;
        };
      return typeof v === "function" ? (v as (...x: unknown[]) => unknown).bind(t) : v;
    },
  });
  const storage = new Proxy(ctx.storage, {
    get(t, k) {
      if (k === "sql") return sql;
      const v = Reflect.get(t, k, t) as unknown;
      if (typeof v !== "function" || typeof k !== "string") return v;
      return (...a: unknown[]) => {
        if (k === "transactionSync" || k === "getAlarm" || k === "setAlarm") o()[k]++;
        return Reflect.apply(v as (...x: unknown[]) => unknown, t, a);
      };
    },
  });
  return new Proxy(ctx, {
    get(t, k) {
      if (k === "storage") return storage;
      const v = Reflect.get(t, k, t) as unknown;
      return typeof v === "function" ? (v as (...x: unknown[]) => unknown).bind(t) : v;
    },
  });
}

// ---- Storage growth (bench/phases/storage.mjs): bench-only clock and storage views. ----
// Date.now in this isolate only (the counted Worker and its objects) runs `clockOffsetMs`
// ahead, so the authority's alarm and the cron purge see 48 h pass without waiting.
// Zero unless /__bench/clock moves it: the counts above are unaffected.
let clockOffsetMs = 0;
const realNow = Date.now.bind(Date);
Date.now = () => realNow() + clockOffsetMs;

type TableSize = { rows: number; bytes: number | null; payload?: number };
/** Rows per table and, where SQLite's dbstat is readable, bytes per table with its indexes. */
function tableSizes(exec: (q: string) => Record<string, unknown>[]): Record<string, TableSize> {
  const names = exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").map(
    (r) => String(r.name),
  );
  let bytes: Record<string, number> | null = null;
  try {
    bytes = {};
    const owner = exec("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')");
    const tableOf = Object.fromEntries(owner.map((r) => [String(r.name), String(r.tbl_name)]));
    for (const r of exec("SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name")) {
      const t = tableOf[String(r.name)] ?? String(r.name);
      bytes[t] = (bytes[t] ?? 0) + Number(r.bytes);
    }
  } catch {
    bytes = null;
  }
  return Object.fromEntries(
    names.map((n) => [n, { rows: Number(exec(`SELECT COUNT(*) AS n FROM "${n}"`)[0]!.n), bytes: bytes ? (bytes[n] ?? 0) : null }]),
  );
}
// ---- end storage growth ----

/** The authority unchanged, given counted storage and a counted env (its alarm writes D1). */
export class DestinationAuthority extends Authority {
  constructor(ctx: DurableObjectState, env: Env) {
    // The runtime insists on the real state object in super(); swap in the counted one after.
    const objectEnv = countedEnv(env, counts.object);
    super(ctx, objectEnv);
    const counted = countedStorage(ctx);
    Object.defineProperty(this, "ctx", { value: counted, configurable: true, writable: true });
    // Every capability runs on the host: give it the counted storage (its constructor only reads).
    (this as unknown as { host: AuthorityHost }).host = new AuthorityHost(counted, objectEnv);
  }

  override async alarm(): Promise<void> {
    counts.objectStorage.alarms++;
    return super.alarm();
  }

  // ---- Storage growth (bench/phases/storage.mjs) ----
  /** The object's SQLite size and its rows (and bytes, if dbstat answers) per table. */
  benchStorage(): { databaseSize: number; tables: Record<string, TableSize> } {
    const exec = (q: string) => this.ctx.storage.sql.exec(q).toArray() as Record<string, unknown>[];
    const tables = tableSizes(exec);
    // dbstat is not readable in an object's SQLite: sum the stored values instead (payload, no index or page overhead).
    const enc = new TextEncoder();
    const size = (v: unknown) =>
      v === null ? 0 : typeof v === "string" ? enc.encode(v).length : v instanceof ArrayBuffer ? v.byteLength : 8;
    for (const [name, t] of Object.entries(tables)) {
      let payload = 0;
      for (const row of this.ctx.storage.sql.exec(`SELECT * FROM "${name}"`)) for (const v of Object.values(row)) payload += size(v);
      t.payload = payload;
    }
    return { databaseSize: this.ctx.storage.sql.databaseSize, tables };
  }

  /** Runs the alarm now (at the shifted clock), as the runtime would when it comes due. */
  async benchAlarm(): Promise<void> {
    await this.alarm();
  }
  // ---- end storage growth ----
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/__bench/counts") {
      settleCursors();
      return Response.json(counts);
    }
    if (pathname === "/__bench/reset") {
      // In place: the objects already hold references to these buckets.
      Object.assign(counts.worker, fresh());
      Object.assign(counts.object, fresh());
      cursors = [];
      Object.assign(counts.objectStorage, freshObject());
      Object.assign(counts.queue, fresh());
      return Response.json(counts);
    }
    // ---- Storage growth (bench/phases/storage.mjs) ----
    const q = new URL(request.url).searchParams;
    if (pathname === "/__bench/clock") {
      clockOffsetMs = Number(q.get("offsetMs") ?? 0);
      return Response.json({ offsetMs: clockOffsetMs, now: Date.now() });
    }
    if (pathname === "/__bench/alarm" || pathname === "/__bench/storage") {
      const stub = env.DESTINATION_AUTHORITY.get(
        env.DESTINATION_AUTHORITY.idFromName(q.get("destination")!),
      ) as unknown as DestinationAuthority;
      if (pathname === "/__bench/alarm") {
        await stub.benchAlarm();
        return Response.json({ ok: true });
      }
      const d1 = async (sql: string) => (await env.DB.prepare(sql).all()).results as Record<string, unknown>[];
      // D1 refuses PRAGMA page_count (SQLITE_AUTH); every result's meta carries the file size instead.
      const d1Size = async () => Number((await env.DB.prepare("SELECT 1").run()).meta.size_after ?? 0);
      let d1Tables: Record<string, TableSize> | null = null;
      try {
        // tableSizes is synchronous over its exec; D1 is not, so read every answer it needs first.
        const cache = new Map<string, Record<string, unknown>[]>();
        const want = async (sql: string) => {
          try {
            cache.set(sql, await d1(sql));
          } catch (e) {
            cache.set(sql, e as never);
          }
        };
        const master = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'";
        await want(master);
        await want("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')");
        await want("SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name");
        for (const r of cache.get(master) ?? []) await want(`SELECT COUNT(*) AS n FROM "${String(r.name)}"`);
        d1Tables = tableSizes((sql) => {
          const r = cache.get(sql);
          if (!Array.isArray(r)) throw r ?? new Error(sql);
          return r;
        });
      } catch {
        d1Tables = null;
      }
      return Response.json({
        object: await stub.benchStorage(),
        d1: { size: await d1Size(), tables: d1Tables },
      });
    }
    if (pathname === "/__bench/purge") return Response.json(await purgeExpired(env, Date.now()));
    // ---- end storage growth ----
    return worker.fetch(request, countedEnv(env, counts.worker), ctx);
  },
  queue: (batch, env) => worker.queue(batch, countedEnv(env, counts.queue)),
} satisfies ExportedHandler<Env, DeliveryMessage>;
