// Many destinations at once: creates spread over 1, 16 and 256
// destinations, each with its own authority, against the floor doing the same;
// and the rate at which one D1 database, not the authorities, becomes the limit.
import { CREATE_BODY, manyDestinations, orchestrator, recipient } from "../lib/setup.mjs";

export const name = "scale";

const int = (v, fallback) => (v ? Number(v) : fallback);
const SPREADS = [1, 16, 256];
const SECONDS = int(process.env.BENCH_SCALE_SECONDS, 3);
// Creates on the counted build when the hot paths did not count them (BENCH_ONLY=scale).
const COUNT_CREATES = 100;

/** Calls fn once per destination, 16 at a time; every answer must be a 201. */
async function warm(dests, fn) {
  let i = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (i < dests.length) {
        const r = await fn(dests[i++]);
        if (r.status !== 201) throw new Error(`scale: warm-up create HTTP ${r.status}`);
      }
    }),
  );
}

const counts = async (base) => (await fetch(`${base}/__bench/counts`)).json();

/** D1 statements per create: the request path's (the authority's write-through) and any later ones (its alarm), on the counted build. */
async function d1StatementsPerCreate(ctx) {
  const fromTrips = (c) => ({
    n: c.n,
    request: c.request.d1Statements + c.request.d1BatchStatements,
    alarm: c.deferred.d1Statements + c.deferred.d1BatchStatements,
    source: "the hot paths' round-trip count",
  });
  if (ctx.trips) return fromTrips(ctx.trips.create);
  const base = ctx.urls.counted;
  const [dest] = await manyDestinations(await recipient(base), "5d", 1, 1, "Scale counted");
  const o = orchestrator(base, dest.secret);
  await fetch(`${base}/__bench/reset`);
  let i = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (i++ < COUNT_CREATES) {
        const r = await o(`/v1/destinations/${dest.destinationId}/requests`, { body: CREATE_BODY });
        if (r.status !== 201) throw new Error(`scale: counted create HTTP ${r.status}`);
      }
    }),
  );
  const answered = await counts(base);
  // The authority writes each create through within the call; anything later is a retry or housekeeping.
  await new Promise((r) => setTimeout(r, 3000));
  const c = await counts(base);
  const request = {
    d1Statements: answered.worker.d1Statements + answered.object.d1Statements,
    d1BatchStatements: answered.worker.d1BatchStatements + answered.object.d1BatchStatements,
  };
  const later = {
    d1Statements: c.object.d1Statements - answered.object.d1Statements,
    d1BatchStatements: c.object.d1BatchStatements - answered.object.d1BatchStatements,
  };
  return {
    n: COUNT_CREATES,
    request: (request.d1Statements + request.d1BatchStatements) / COUNT_CREATES,
    alarm: (later.d1Statements + later.d1BatchStatements) / COUNT_CREATES,
    source: `${COUNT_CREATES} creates on the counted build`,
  };
}

export async function run(ctx) {
  const { urls, config, log, runOne } = ctx;
  const started = Date.now();
  const dests = await manyDestinations(ctx.rcpt, "5c", Math.max(...SPREADS), 16, "Scale");
  const setupSeconds = (Date.now() - started) / 1000;
  log(`scale: ${dests.length} destinations claimed with a client each in ${setupSeconds.toFixed(1)} s`);

  // One create per destination of a run, right before it, on its side: a run then measures warm authorities
  // (their first call opens the object's SQLite and loads its state), not cold starts of objects the runtime
  // evicted while the other side's runs went on.
  const warmApp = (ds) =>
    warm(ds, (d) => orchestrator(urls.app, d.secret)(`/v1/destinations/${d.destinationId}/requests`, { body: CREATE_BODY }));
  const warmFloor = (ds) =>
    warm(ds, (d) =>
      fetch(`${urls.floor}/floor/destinations/${d.destinationId}/requests`, { method: "POST", body: JSON.stringify(CREATE_BODY) }),
    );

  const body = JSON.stringify(CREATE_BODY);
  const conns = config.connections;
  const side = (r) => ({
    rps: r.rps,
    p50: r.p50,
    p99: r.p99,
    cpu: r.cpuUsPerRequest,
    // Share of one core workerd used during the run: every Worker and object is in that one process here.
    cpuPercent: r.cpuUsPerRequest === null ? null : (r.cpuUsPerRequest * r.rps) / 1e4,
    requests: r.requests,
  });

  // D1 alone first: nothing of Payrelay's (its alarm's outbox drain) runs under it.
  const d1Target = {
    base: urls.floor,
    paths: dests.slice(0, 16).map((d) => `/floor/d1/destinations/${d.destinationId}/requests`),
    method: "POST",
    body,
  };
  const d1 = side(await runOne("scale-d1-insert", d1Target, conns, SECONDS));
  log(
    `scale: D1 INSERT alone at ${conns} connections: ${d1.rps.toFixed(0)} statements/s, workerd ${d1.cpuPercent?.toFixed(0)} % of a core`,
  );

  // Floor runs before Payrelay's, as run.mjs does for creates: Payrelay's leave alarm work behind.
  const spreads = SPREADS.map((k) => ({ k, dests: dests.slice(0, k) }));
  for (const s of spreads) {
    const target = { base: urls.floor, paths: s.dests.map((d) => `/floor/destinations/${d.destinationId}/requests`), method: "POST", body };
    await warmFloor(s.dests);
    s.floor = side(await runOne(`scale-${s.k}-floor`, target, conns, SECONDS));
    log(
      `scale: ${String(s.k).padStart(3)} destinations floor ${s.floor.rps.toFixed(0)} req/s, workerd ${s.floor.cpuPercent?.toFixed(0)} %`,
    );
  }
  for (const s of spreads) {
    // One client secret per destination: each path line carries its own Authorization.
    const target = {
      base: urls.app,
      paths: s.dests.map((d) => `/v1/destinations/${d.destinationId}/requests\tBearer ${d.secret}`),
      method: "POST",
      body,
    };
    await warmApp(s.dests);
    s.app = side(await runOne(`scale-${s.k}-app`, target, conns, SECONDS));
    log(`scale: ${String(s.k).padStart(3)} destinations app   ${s.app.rps.toFixed(0)} req/s, workerd ${s.app.cpuPercent?.toFixed(0)} %`);
  }

  const perCreate = await d1StatementsPerCreate(ctx);
  log(`scale: D1 statements per create: ${perCreate.request} on the request path + ${perCreate.alarm} by the alarm`);
  return {
    connections: conns,
    seconds: SECONDS,
    setupSeconds,
    d1,
    spreads: spreads.map(({ k, app, floor }) => ({ k, app, floor })),
    perCreate,
  };
}

const f0 = (x) => (x === null || x === undefined ? "–" : x.toFixed(0));
const f2 = (x) => (x === null || x === undefined ? "–" : x.toFixed(2));

export function report(d) {
  const statements = d.perCreate.request + d.perCreate.alarm;
  const ceiling = d.d1.rps / statements;
  const best = d.spreads.reduce((a, b) => (b.app.rps > a.app.rps ? b : a));
  const rows = d.spreads.map(
    (s) =>
      `| ${s.k} | ${f0(s.app.rps)} | ${f0(s.floor.rps)} | ${f2(s.app.rps / s.floor.rps)} | ${f0(s.app.cpu)} | ${f0(s.floor.cpu)} | ${f0(s.app.cpuPercent)} % | ${f0(s.floor.cpuPercent)} % | ${f2(s.app.p99)} | ${f2(s.floor.p99)} |`,
  );
  // "Rises": the widest spread costs 10 % more CPU per create than one destination.
  const rises = d.spreads.at(-1).app.cpu > d.spreads[0].app.cpu * 1.1;
  const markdown = [
    "## Many destinations at once",
    "",
    `Creates spread over 1, 16 and 256 destinations (one claimed destination and one client ID each, one authority each), ${d.connections} connections, ${d.seconds} s per run after a warm-up. Aggregate req/s; workerd CPU per request and as a share of one core during the run.`,
    "",
    "| destinations | Payrelay req/s | floor req/s | Payrelay / floor | Payrelay CPU µs/req | floor CPU µs/req | Payrelay workerd CPU | floor workerd CPU | Payrelay p99 ms | floor p99 ms |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    `**Where it saturates.** Payrelay's aggregate: ${d.spreads.map((s) => `${f0(s.app.rps)} req/s at ${s.k}`).join(", ")} destination(s); the floor's: ${d.spreads.map((s) => f0(s.floor.rps)).join(", ")}. ` +
      `workerd used ${d.spreads.map((s) => f0(s.app.cpuPercent)).join(" / ")} % of a core under Payrelay (${d.spreads.map((s) => f0(s.floor.cpuPercent)).join(" / ")} % under the floor); the load generator has the box's other core. ` +
      `On local workerd every Worker, every authority and the D1 file share that one process, and the load generator and other work share the box's two cores with it, so the box, not any one authority, bounds these figures: more destinations cannot add capacity here, they spread the same CPU. ` +
      (rises
        ? `Payrelay's CPU per request rises with the spread (${d.spreads.map((s) => f0(s.app.cpu)).join(" → ")} µs) while the floor's does not (${d.spreads.map((s) => f0(s.floor.cpu)).join(" → ")} µs): per-authority work that does not amortise over many creates, likely each authority's own alarm and outbox drain (one D1 batch per destination per grace period instead of one for all). `
        : `Payrelay's CPU per request does not rise with the spread (${d.spreads.map((s) => f0(s.app.cpu)).join(" → ")} µs). `) +
      `On Cloudflare the authorities run on many machines, so this table bounds one process, not the platform.`,
    "",
    "### Where one D1 database becomes the limit",
    "",
    "| measure | value |",
    "|---|---:|",
    `| D1 INSERT of a request row alone (floor route, no Durable Object), ${d.connections} connections | ${f0(d.d1.rps)} statements/s (workerd ${f0(d.d1.cpuPercent)} % of a core) |`,
    `| D1 statements per Payrelay create: request path | ${f2(d.perCreate.request)} |`,
    `| D1 statements per Payrelay create: later (the authority's retries; 0 when D1 took every write) | ${f2(d.perCreate.alarm)} |`,
    `| create rate one D1 database sustains (statements/s ÷ all statements per create) | ${f0(ceiling)} creates/s |`,
    `| same, request-path statements only | ${f0(d.d1.rps / d.perCreate.request)} creates/s |`,
    `| Payrelay's best aggregate create rate above | ${f0(best.app.rps)} creates/s = ${f0(best.app.rps * statements)} D1 statements/s |`,
    "",
    `D1 has one writer per database. Counting every statement alike, one database takes about ${f0(d.d1.rps)} statements/s, so at ${f0(ceiling)} creates/s (${f2(statements)} statements each) D1, not the authorities, becomes the limit: past that point more destinations add no create capacity. ` +
      `Payrelay's best run drove ${f0(best.app.rps * d.perCreate.request)} request-path statements/s. On this box the D1-alone run is itself CPU-bound in the one workerd (${f0(d.d1.cpuPercent)} % of a core), so these are local figures: on Cloudflare, D1's ceiling is its own and this route measures it when the bench runs there.`,
    "",
    `How measured: wrk against the bundled Workers on one local workerd (bench/lib/runtime.mjs), the floor's creates first (its FloorAuthority per destination id doing an admission's storage work, then the D1 INSERT), then Payrelay's (its creates leave the authority's outbox drain behind, which runs under later runs). Each path line carries its destination's own client secret. The D1-alone rate is the floor's \`/floor/d1/…\` route: the exact INSERT Payrelay's create runs, over the same local D1 file. D1 statements per create: ${d.perCreate.source} (statements run on their own plus statements inside batches). Right before each run, one create per destination of that run warms its side's authorities. Setup of ${d.spreads.at(-1).k} destinations took ${d.setupSeconds.toFixed(1)} s.`,
    "",
  ].join("\n");
  return {
    targets: [
      {
        target: "creates spread over 256 destinations ≥ 85 % of the floor's (same run)",
        value: `${f0((100 * d.spreads.at(-1).app.rps) / d.spreads.at(-1).floor.rps)} % (${f0(d.spreads.at(-1).app.rps)} req/s, floor ${f0(d.spreads.at(-1).floor.rps)})`,
        ok: d.spreads.at(-1).app.rps >= 0.85 * d.spreads.at(-1).floor.rps,
      },
      {
        target: "D1 statements/s one database sustains, and the create rate where D1 becomes the limit (measured)",
        value: `${f0(d.d1.rps)} statements/s → ${f0(ceiling)} creates/s`,
        ok: null,
      },
    ],
    markdown,
  };
}
