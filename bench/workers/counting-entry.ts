import worker from "../../src/index";
import { DestinationAuthority as Authority } from "../../src/durable-objects/destination-authority";
import type { DeliveryMessage } from "../../src/webhooks/events";

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
  sql: string[];
};
type ObjectBucket = { sqlExec: number; transactionSync: number; getAlarm: number; setAlarm: number; alarms: number };

const fresh = (): Bucket => ({ doRpc: 0, doRpcByMethod: {}, d1Statements: 0, d1Batches: 0, d1BatchStatements: 0, d1Exec: 0, sql: [] });
const freshObject = (): ObjectBucket => ({ sqlExec: 0, transactionSync: 0, getAlarm: 0, setAlarm: 0, alarms: 0 });
// queue: the webhook consumer's calls (bench/phases/webhooks.mjs), apart from the request path's.
const counts = { worker: fresh(), object: fresh(), objectStorage: freshObject(), queue: fresh() };

const noteSql = (b: Bucket, sql: string) => {
  if (!b.sql.includes(sql) && b.sql.length < 50) b.sql.push(sql);
};

function countedD1(db: D1Database, b: Bucket): D1Database {
  const real = new WeakMap<object, D1PreparedStatement>();
  const wrap = (s: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const w = {
      bind: (...v: unknown[]) => wrap(s.bind(...v), sql),
      first: (col?: string) => {
        b.d1Statements++;
        noteSql(b, sql);
        return col === undefined ? s.first() : s.first(col);
      },
      run: () => {
        b.d1Statements++;
        noteSql(b, sql);
        return s.run();
      },
      all: () => {
        b.d1Statements++;
        noteSql(b, sql);
        return s.all();
      },
      raw: (o?: { columnNames?: boolean }) => {
        b.d1Statements++;
        noteSql(b, sql);
        return s.raw(o as { columnNames: true });
      },
    } as unknown as D1PreparedStatement;
    real.set(w, s);
    return w;
  };
  return {
    prepare: (sql: string) => wrap(db.prepare(sql), sql),
    batch: (stmts: D1PreparedStatement[]) => {
      b.d1Batches++;
      b.d1BatchStatements += stmts.length;
      return db.batch(stmts.map((s) => real.get(s) ?? s));
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
          return Reflect.apply(v as (...x: unknown[]) => unknown, t, a);
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

/** The authority unchanged, given counted storage and a counted env (its alarm writes D1). */
export class DestinationAuthority extends Authority {
  constructor(ctx: DurableObjectState, env: Env) {
    // The runtime insists on the real state object in super(); swap in the counted one after.
    super(ctx, countedEnv(env, counts.object));
    const counted = countedStorage(ctx);
    Object.defineProperty(this, "ctx", { value: counted, configurable: true, writable: true });
    (this as unknown as { sql: SqlStorage }).sql = counted.storage.sql;
  }

  override async alarm(): Promise<void> {
    counts.objectStorage.alarms++;
    return super.alarm();
  }
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/__bench/counts") return Response.json(counts);
    if (pathname === "/__bench/reset") {
      // In place: the objects already hold references to these buckets.
      Object.assign(counts.worker, fresh());
      Object.assign(counts.object, fresh());
      Object.assign(counts.objectStorage, freshObject());
      Object.assign(counts.queue, fresh());
      return Response.json(counts);
    }
    return worker.fetch(request, countedEnv(env, counts.worker), ctx);
  },
  queue: (batch, env) => worker.queue(batch, countedEnv(env, counts.queue)),
} satisfies ExportedHandler<Env, DeliveryMessage>;
