// `npm run bench`: Payrelay's hot paths against the runtime floor, list cost at
// 10k and 200k requests, and storage round trips per create. See bench/README.md.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { spawn } from "node:child_process";
import { bundleWorkers } from "./lib/build.mjs";
import { boostPriority, boosted, killLoad, load, pickLoadGenerator, probeLatency, workerdPids } from "./lib/load.mjs";
import { describeMachine } from "./lib/machine.mjs";
import { writePhasesOnly, writeReport } from "./lib/report.mjs";
import { countRoundTrips } from "./lib/round-trips.mjs";
import { startBenchChain } from "./lib/chain.mjs";
import { applyMigrations, startRuntime } from "./lib/runtime.mjs";
import { cursorAfter, seedRequests } from "./lib/seed.mjs";
import { CREATE_BODY, destinationWithClient, fastClient, orchestrator, recipient } from "./lib/setup.mjs";
import { PHASES } from "./phases/index.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const work = path.join(root, "bench", ".work");
const int = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const CONFIG = {
  seconds: int("BENCH_SECONDS", 4),
  warmup: int("BENCH_WARMUP", 1),
  connections: int("BENCH_CONNECTIONS", 16),
  rounds: int("BENCH_ROUNDS", 3),
  latencySeconds: int("BENCH_LATENCY_SECONDS", 20),
  creates: int("BENCH_COUNT_CREATES", 200),
  sizes: [int("BENCH_SMALL", 10_000), int("BENCH_LARGE", 200_000)],
  deepOffset: int("BENCH_DEEP_OFFSET", 5_000),
  // Comma-separated scenario kinds (list, get, create) and phase names (bench/phases/) to run; a partial run does not write latest.md.
  only: process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",") : null,
};
const wants = (kind) => !CONFIG.only || CONFIG.only.includes(kind);
const HOT_KINDS = ["list", "get", "create"];
const WATCHDOG_MS = 9 * 60 * 1000;
// How long to watch the authority's outbox empty after the create runs.
const DRAIN_WATCH_S = 30;

const t0 = Date.now();
const log = (...a) => console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s]`, ...a);

let runtime = null;
let chain = null;
async function cleanup() {
  killLoad();
  if (chain) await chain.stop().catch(() => {});
  if (runtime) {
    const mf = runtime.mf;
    runtime = null;
    await Promise.race([mf.dispose(), new Promise((r) => setTimeout(r, 10_000))]).catch(() => {});
  }
}
const die = async (err) => {
  console.error("bench failed:", err?.stack ?? err);
  await cleanup();
  process.exit(1);
};
process.on("SIGINT", () => die("interrupted"));
process.on("SIGTERM", () => die("terminated"));
process.on("uncaughtException", die);
process.on("unhandledRejection", die);
process.on("exit", killLoad);
const watchdog = setTimeout(() => die(`watchdog: still running after ${WATCHDOG_MS / 1000} s`), WATCHDOG_MS);
watchdog.unref();

/** 1, 5 and 15 minute load averages: other work on the box shows up here. */
const readLoadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const machine = describeMachine(root);
  const gen = pickLoadGenerator(log);
  log(`machine: ${machine.nproc} × ${machine.cpu}, ${machine.memory}; load: ${gen.kind} ${gen.version}`);

  const buildDir = path.join(work, "build");
  const stateDir = path.join(work, "state");
  const runDir = path.join(work, "runs");
  rmSync(stateDir, { recursive: true, force: true });
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });

  log("bundling src/index.ts, bench/workers/counting-entry.ts, bench/workers/floor-worker.ts (esbuild, wrangler's options)");
  const bundles = await bundleWorkers(root, buildDir);
  // A phase that needs the local chain (`chain: true`) gets it; it must be up before workerd, whose bindings name it.
  if (PHASES.some((p) => p.chain && wants(p.name))) {
    chain = await startBenchChain();
    log(
      `local chain ${chain.chainId} up in ${chain.startSeconds.toFixed(1)} s (Demo USD ${chain.tokenAddress}; RPC proxy ${chain.proxy.url})`,
    );
  }
  runtime = await startRuntime(bundles, stateDir, { chainRpcUrls: chain ? { [chain.chainId]: chain.proxy.url } : {} });
  const { mf, urls } = runtime;
  const cpuPids = workerdPids();
  for (const pid of cpuPids) boostPriority(pid);
  log(
    `workerd up (pid ${cpuPids.join(", ")}${boosted() ? ", priority raised" : ""}): app ${urls.app}, counted ${urls.counted}, floor ${urls.floor}`,
  );
  const { db, files } = await applyMigrations(mf, root);
  log(`migrations applied: ${files.join(", ")}`);

  // Accounts: one recipient; a destination for creates, one per list size; one on the counted build.
  const rcpt = await recipient(urls.app);
  const hot = await destinationWithClient(rcpt, 1, "Bench hot");
  // One client per create round: a client may create at most 6,000 a minute, and one run sends about half that.
  hot.roundClients = [];
  for (let round = 0; round < CONFIG.rounds; round++)
    hot.roundClients.push(await fastClient(rcpt, hot.destinationId, `Bench hot ${round + 1}`));
  const scaled = [];
  for (const [i, size] of CONFIG.sizes.entries()) scaled.push({ size, ...(await destinationWithClient(rcpt, 2 + i, `Bench ${size}`)) });
  const countedRcpt = await recipient(urls.counted);
  const countedDest = await destinationWithClient(countedRcpt, 9, "Bench counted");
  log("recipient signed up, destinations claimed, client IDs created");

  for (const s of wants("list") || wants("get") ? scaled : []) {
    const started = Date.now();
    s.ids = await seedRequests(db, {
      destinationId: s.destinationId,
      clientId: s.clientId,
      clientName: `Bench ${s.size}`,
      count: s.size,
      newestAt: Date.now() - 60_000,
    });
    s.seedSeconds = (Date.now() - started) / 1000;
    s.deepOffset = CONFIG.deepOffset;
    s.deep = await cursorAfter(db, { destinationId: s.destinationId, clientId: s.clientId, offset: CONFIG.deepOffset - 1 });
    log(`seeded ${s.size} requests in ${s.seedSeconds.toFixed(1)} s; deep cursor after row ${CONFIG.deepOffset}`);
  }

  const checks = wants("list") || wants("get") ? await sanityChecks(urls, scaled, db) : [];
  log(`checks: ${checks.map((c) => `${c.name} ${c.ok ? "ok" : "FAILED"}`).join("; ")}`);
  if (checks.some((c) => !c.ok)) throw new Error(`sanity check failed: ${JSON.stringify(checks.filter((c) => !c.ok))}`);

  // Scenarios: app and floor side by side. Reads first, creates last: creates leave
  // outbox work for the authority's alarm, which would otherwise run under the reads.
  const small = scaled[0];
  const auth = (s) => `Bearer ${s.secret}`;
  const floorList = (s, deep) =>
    `/floor/list?destination=${s.destinationId}&client=${s.clientId}&limit=20${deep ? `&createdAt=${s.deep.createdAt}&id=${s.deep.id}` : ""}`;
  const scenarios = [];
  const seeded = wants("list") || wants("get");
  for (const s of seeded ? scaled : []) {
    for (const deep of [false, true]) {
      const label = `list ${deep ? "deep" : "first"} page @ ${s.size.toLocaleString("en")}`;
      scenarios.push({
        key: `list-${deep ? "deep" : "first"}-${s.size}`,
        label,
        kind: "list",
        size: s.size,
        deep,
        app: { base: urls.app, paths: [`/v1/requests?limit=20${deep ? `&cursor=${s.deep.cursor}` : ""}`], auth: auth(s) },
        floor: { base: urls.floor, paths: [floorList(s, deep)] },
      });
    }
  }
  if (seeded)
    scenarios.push({
      key: "get",
      label: `get by id (${small.ids.length} ids @ ${small.size.toLocaleString("en")})`,
      kind: "get",
      app: { base: urls.app, paths: small.ids.map((id) => `/v1/requests/${id}`), auth: auth(small) },
      floor: { base: urls.floor, paths: small.ids.map((id) => `/floor/requests/${id}`) },
    });
  const body = JSON.stringify(CREATE_BODY);
  scenarios.push({
    key: "create",
    label: "create (incoming)",
    kind: "create",
    app: { base: urls.app, paths: [`/v1/destinations/${hot.destinationId}/requests`], auth: auth(hot), method: "POST", body },
    floor: { base: urls.floor, paths: [`/floor/destinations/${hot.destinationId}/requests`], method: "POST", body },
  });

  const results = {};
  const loadAverages = [readLoadAverage()];
  const runOne = async (name, target, connections, seconds) => {
    const common = { ...target, connections, workdir: runDir, cpuPids };
    if (CONFIG.warmup > 0) await load(gen, { ...common, seconds: CONFIG.warmup, name: `${name}-warmup` });
    const r = await load(gen, { ...common, seconds, name });
    // Any non-2xx answer fails the bench. A few transport errors (a connection reset under
    // load) are tolerated up to 0.5 % of requests and shown in the report.
    if (r.errorDetail.status > 0 || r.errors > r.requests * 0.005)
      throw new Error(`${name}: ${r.errors} errors ${JSON.stringify(r.errorDetail)}`);
    if (r.errors > 0) log(`${name}: ${r.errors} transport errors ${JSON.stringify(r.errorDetail)} out of ${r.requests} requests`);
    return r;
  };

  // The app's authority for creates: what its alarm still has to copy to D1 after each create run.
  const ns = await mf.getDurableObjectNamespace("DESTINATION_AUTHORITY", "payrelay");
  const outbox = async () => {
    const h = await ns.get(ns.idFromName(hot.destinationId)).health();
    return h.pendingWrites + h.failedWrites;
  };
  const backlog = [];
  let drain = null;

  const selected = scenarios.filter((sc) => !CONFIG.only || CONFIG.only.includes(sc.kind));
  const latency = {};
  for (const kind of ["list", "get", "create"]) {
    const group = selected.filter((sc) => sc.kind === kind);
    for (const sc of group) results[sc.key] = { app: [], floor: [] };
    // Interleaved: every scenario of the group once per round, in a rotating order, and
    // app and floor side by side in alternating order, so drift (caches, heat, other
    // load on the box) lands on both sides and on every data size alike. Creates too: both
    // sides' authorities copy their outbox to D1 by alarm after a 10 s grace, so each run
    // carries the drain of the run before it, the other side's as often as its own.
    const plan = [];
    for (let round = 0; round < CONFIG.rounds; round++) {
      for (const sc of group.map((_, i) => group[(i + round) % group.length])) {
        for (const side of round % 2 === 0 ? ["floor", "app"] : ["app", "floor"]) plan.push({ sc, side, round });
      }
    }
    for (const { sc, side, round } of plan) {
      const target = sc.kind === "create" && side === "app" ? { ...sc.app, auth: auth(hot.roundClients[round]) } : sc[side];
      const r = await runOne(`${sc.key}-${side}-${round}`, target, CONFIG.connections, CONFIG.seconds);
      results[sc.key][side].push(r);
      log(
        `${sc.label.padEnd(34)} ${side.padEnd(5)} round ${round + 1}: ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  workerd CPU ${r.cpuUsPerRequest?.toFixed(0)} µs/request`,
      );
      if (sc.kind === "create" && side === "app") {
        const rows = await outbox();
        backlog.push({ round: round + 1, created: r.requests, rows });
        log(`authority outbox right after this run: ${rows} admitted rows not yet copied to D1 by its alarm`);
      }
    }
    if (kind === "create" && group.length) {
      // Rows wait out the grace period in the outbox by design; after it, the alarm copies them to D1.
      drain = [];
      const started = Date.now();
      for (let t = 0; t <= DRAIN_WATCH_S; t += 5) {
        await new Promise((r) => setTimeout(r, Math.max(0, started + t * 1000 - Date.now())));
        drain.push({ t, rows: await outbox() });
        if (drain.at(-1).rows === 0) break;
      }
      log(`outbox after the last create run: ${drain.map((d) => `${d.t} s: ${d.rows}`).join(", ")}`);
    }
    // No list scenario (a phase-only run): no latency probe, which would idle its 40 s over no targets.
    if (kind !== "list" || group.length === 0) continue;
    // Latency without queueing: one request at a time, every list target (both sizes, both
    // pages, app and floor) in turn, so whatever else happens on the box hits all alike.
    const targets = group.flatMap((sc) =>
      ["app", "floor"].map((side) => ({ name: `${sc.key}:${side}`, base: sc[side].base, path: sc[side].paths[0], auth: sc[side].auth })),
    );
    const probed = await probeLatency(targets, CONFIG.latencySeconds, runDir);
    for (const sc of group) {
      latency[sc.key] = { app: probed[`${sc.key}:app`], floor: probed[`${sc.key}:floor`] };
      for (const side of ["app", "floor"]) {
        const r = latency[sc.key][side];
        if (r.errors > 0) throw new Error(`${sc.key} ${side} latency probe: ${r.errors} errors`);
        log(
          `${sc.label.padEnd(34)} ${side.padEnd(5)} one at a time: p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  (${r.n} requests)`,
        );
      }
    }
  }
  loadAverages.push(readLoadAverage());

  const hotPaths = HOT_KINDS.some(wants);
  if (hotPaths) log(`counting storage round trips over ${CONFIG.creates} creates on the counted build`);
  const trips = hotPaths ? await countRoundTrips(urls, countedDest, CONFIG.creates, log) : null;

  // The phases after the hot paths: each measures one more part of the product and judges its own targets.
  const phases = [];
  // trips: the hot paths' round-trip counts (null when BENCH_ONLY skips them; a phase then counts its own).
  const ctx = { root, mf, urls, db, rcpt, gen, cpuPids, runDir, config: CONFIG, log, runOne, chain, trips };
  for (const phase of PHASES.filter((p) => wants(p.name))) {
    const started = Date.now();
    log(`phase ${phase.name}`);
    const data = await phase.run(ctx);
    phases.push({ name: phase.name, seconds: (Date.now() - started) / 1000, data, report: phase.report(data) });
    log(`phase ${phase.name} done in ${phases.at(-1).seconds.toFixed(1)} s`);
  }

  const summary = {};
  for (const sc of selected) {
    const pick = (side, f) => median(results[sc.key][side].map((r) => r[f]));
    summary[sc.key] = {
      label: sc.label,
      kind: sc.kind,
      size: sc.size,
      deep: sc.deep,
      app: { rps: pick("app", "rps"), p50: pick("app", "p50"), p99: pick("app", "p99"), cpu: pick("app", "cpuUsPerRequest") },
      floor: { rps: pick("floor", "rps"), p50: pick("floor", "p50"), p99: pick("floor", "p99"), cpu: pick("floor", "cpuUsPerRequest") },
      // Paired: each round's app run against the floor run next to it, then the median.
      ratio: median(results[sc.key].app.map((a, i) => a.rps / results[sc.key].floor[i].rps)),
      cpuRatio: median(results[sc.key].app.map((a, i) => results[sc.key].floor[i].cpuUsPerRequest / a.cpuUsPerRequest)),
    };
  }

  // A hot path under 90 % of its floor's CPU: profile it, so the report says where the rest goes.
  const profiles = {};
  for (const kind of HOT_KINDS) {
    const keys = Object.keys(summary).filter((k) => summary[k].kind === kind);
    if (keys.length === 0 || median(keys.map((k) => summary[k].cpuRatio)) >= 0.9) continue;
    log(`profiling ${kind} (bench/tools/profile.mjs): its CPU-bound ratio is under 90 %`);
    profiles[kind] = await profileOf(kind);
  }

  const target = CONFIG.only ? path.join(work, "partial.md") : path.join(root, "bench", "results", "latest.md");
  const file = !trips
    ? writePhasesOnly(target, { phases, elapsedSeconds: (Date.now() - t0) / 1000 })
    : writeReport(target, {
        machine,
        gen,
        config: CONFIG,
        scaled,
        summary,
        results,
        latency,
        trips,
        backlog,
        drain,
        checks,
        phases,
        profiles,
        loadAverages,
        boosted: boosted(),
        elapsedSeconds: (Date.now() - t0) / 1000,
      });
  log(`wrote ${path.relative(root, file)}`);
}

/** bench/tools/profile.mjs for one kind, in its own process and workerd, bounded in time; its grouped summary. */
async function profileOf(kind) {
  const out = path.join(work, `profile-${kind}.json`);
  rmSync(out, { force: true });
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "bench", "tools", "profile.mjs"), kind], {
      env: { ...process.env, BENCH_PROFILE_OUT: out },
      stdio: "ignore",
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`profile ${kind} exited ${code}`));
    });
  });
  return JSON.parse(readFileSync(out, "utf8"));
}

/** The bench measures the right thing only if both sides answer the same rows. */
async function sanityChecks(urls, scaled, db) {
  const checks = [];
  const ok = (name, cond, detail = "") => checks.push({ name, ok: Boolean(cond), detail });
  const s = scaled[0];
  const o = orchestrator(urls.app, s.secret);
  const first = await o("/v1/requests?limit=20");
  const deep = await o(`/v1/requests?limit=20&cursor=${s.deep.cursor}`);
  const floorJson = async (p) => (await fetch(urls.floor + p)).json();
  const fFirst = await floorJson(`/floor/list?destination=${s.destinationId}&client=${s.clientId}&limit=20`);
  const fDeep = await floorJson(
    `/floor/list?destination=${s.destinationId}&client=${s.clientId}&limit=20&createdAt=${s.deep.createdAt}&id=${s.deep.id}`,
  );
  const ids = (rows) => rows.map((r) => r.id).join(",");
  ok("list first page: 20 rows, next cursor", first.status === 200 && first.json.data.length === 20 && first.json.nextCursor);
  const next = await cursorAfter(db, { destinationId: s.destinationId, clientId: s.clientId, offset: s.deepOffset });
  ok(
    "list deep page: 20 rows, starting right after the deep cursor",
    deep.status === 200 && deep.json.data.length === 20 && deep.json.data[0].id === next.id,
  );
  ok("floor list = app list (first, deep)", ids(fFirst.data) === ids(first.json.data) && ids(fDeep.data) === ids(deep.json.data));
  const get = await o(`/v1/requests/${s.ids[0]}`);
  const fGet = await floorJson(`/floor/requests/${s.ids[0]}`);
  ok("get: app and floor read the same row", get.status === 200 && get.json.id === s.ids[0] && fGet.id === s.ids[0]);
  const plan = await db
    .prepare(
      `EXPLAIN QUERY PLAN SELECT * FROM requests WHERE destination_id = ? AND created_by_client_id = ? AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT 21`,
    )
    .bind(s.destinationId, s.clientId, s.deep.createdAt, s.deep.id)
    .all();
  const planText = plan.results.map((r) => r.detail).join("; ");
  ok(
    "deep-page query plan is an index range search",
    /SEARCH requests USING INDEX requests_destination_creator_idx/.test(planText) && !/TEMP B-TREE/.test(planText),
    planText,
  );
  return checks;
}

try {
  await main();
  await cleanup();
  // The 200k-row database is ~100 MB; keep it only when asked.
  if (process.env.BENCH_KEEP !== "1") rmSync(path.join(work, "state"), { recursive: true, force: true });
  log("done");
  process.exit(0);
} catch (err) {
  await die(err);
}
