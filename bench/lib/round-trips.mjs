// Storage round trips per operation, measured on the counted build
// (bench/workers/counting-entry.ts): run N operations, read the counters, divide.
import { combine } from "./paths.mjs";
import { CREATE_BODY, orchestrator } from "./setup.mjs";

const counts = async (base) => (await fetch(`${base}/__bench/counts`)).json();
const reset = async (base) => (await fetch(`${base}/__bench/reset`)).json();

async function times(n, concurrency, fn) {
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (i < n) await fn(i++);
    }),
  );
}

const perOp = (b, n) => ({
  doRpc: b.doRpc / n,
  doRpcByMethod: Object.fromEntries(Object.entries(b.doRpcByMethod).map(([k, v]) => [k, v / n])),
  d1Statements: b.d1Statements / n,
  d1Batches: b.d1Batches / n,
  d1BatchStatements: b.d1BatchStatements / n,
  d1Exec: b.d1Exec / n,
  d1RoundTrips: (b.d1Statements + b.d1Batches + b.d1Exec) / n,
  d1RowsWritten: (b.d1RowsWritten ?? 0) / n,
});

/** Counts for N creates (request path, then the alarm's deferred work), N gets and N list pages. */
export async function countRoundTrips(urls, dest, n, log) {
  const o = orchestrator(urls.counted, dest.secret);
  const statuses = {};
  const ids = [];
  await reset(urls.counted);
  await times(n, 4, async () => {
    const r = await o(`/v1/destinations/${dest.destinationId}/requests`, { body: CREATE_BODY });
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (r.status === 201) ids.push(r.json.id);
  });
  if (statuses[201] !== n) throw new Error(`counted creates: ${JSON.stringify(statuses)}`);
  const afterCreates = await counts(urls.counted);
  const storage = afterCreates.objectStorage;
  const create = {
    n,
    // The Worker's calls and the authority's within them (it writes each create through to D1 before answering).
    request: perOp(combine(afterCreates.worker, afterCreates.object), n),
    objectStorage: {
      sqlExec: storage.sqlExec / n,
      rowsWritten: storage.rowsWritten / n,
      transactionSync: storage.transactionSync / n,
      getAlarm: storage.getAlarm / n,
      setAlarm: storage.setAlarm / n,
    },
    sql: afterCreates.worker.sql,
  };

  // Whatever the authority does later for these creates (retries of refused writes, housekeeping): normally nothing.
  const waitStarted = Date.now();
  await new Promise((r) => setTimeout(r, 3000));
  const drained = await counts(urls.counted);
  create.deferred = {
    ...perOp(combine(drained.object, afterCreates.object, -1), n),
    alarms: drained.objectStorage.alarms,
    objectRowsWritten: (drained.objectStorage.rowsWritten - storage.rowsWritten) / n,
    drainedRows:
      drained.object.d1BatchStatements +
      drained.object.d1Statements -
      afterCreates.object.d1BatchStatements -
      afterCreates.object.d1Statements,
    waitedSeconds: (Date.now() - waitStarted) / 1000,
  };
  log(`creates: request path ${JSON.stringify(create.request)}; alarm ${JSON.stringify(create.deferred)}`);

  await reset(urls.counted);
  await times(n, 4, async (i) => {
    const r = await o(`/v1/requests/${ids[i % ids.length]}`);
    if (r.status !== 200) throw new Error(`counted get: HTTP ${r.status}`);
  });
  const afterGets = await counts(urls.counted);
  const get = { n, request: perOp(afterGets.worker, n), sql: afterGets.worker.sql };

  await reset(urls.counted);
  const first = await o("/v1/requests?limit=20");
  await times(n, 4, async (i) => {
    const cursor = i % 2 && first.json.nextCursor ? `&cursor=${first.json.nextCursor}` : "";
    const r = await o(`/v1/requests?limit=20${cursor}`);
    if (r.status !== 200) throw new Error(`counted list: HTTP ${r.status}`);
  });
  const afterLists = await counts(urls.counted);
  const list = { n: n + 1, request: perOp(afterLists.worker, n + 1), sql: afterLists.worker.sql };

  // The floor's authority must run as many SQLite statements per create as Payrelay's admission.
  const floorDest = `dst_floorcount${Date.now()}`;
  await times(n, 4, async () => {
    const r = await fetch(`${urls.floor}/floor/destinations/${floorDest}/requests`, { method: "POST", body: JSON.stringify(CREATE_BODY) });
    if (r.status !== 201) throw new Error(`floor create: HTTP ${r.status}`);
  });
  const floorStatements = (await (await fetch(`${urls.floor}/floor/statements?destination=${floorDest}`)).json()).statements / n;

  // The floor must run the same SQL as Payrelay, or it is not its floor.
  const floorSql = await (await fetch(`${urls.floor}/floor/sql`)).json();
  const sameSql = {
    insert: create.sql.includes(floorSql.insert),
    get: get.sql.includes(floorSql.get),
    list: list.sql.includes(floorSql.list),
    listCursor: list.sql.includes(floorSql.listCursor),
  };
  if (Object.values(sameSql).some((same) => !same))
    log(`floor SQL differs from Payrelay's; Payrelay sent: ${JSON.stringify([...create.sql, ...get.sql, ...list.sql], null, 1)}`);
  return { create, get, list, sameSql, floorStatements };
}
