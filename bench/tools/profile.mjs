// CPU profile of Payrelay's isolate (the Worker and its Durable Objects) while
// wrk drives one scenario; prints self time by source module and by function.
//
//   node bench/tools/profile.mjs get [DIR]      # DIR defaults to this checkout
//
// The .cpuprofile is kept in bench/.work/profile/ (open it in Chrome DevTools).
// D1's own work runs in another isolate and shows here only as the d1-api calls.
import { build } from "esbuild";
import { workerBuildOptions } from "../lib/build.mjs";
import { Miniflare } from "miniflare";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { killLoad, load, pickLoadGenerator } from "../lib/load.mjs";
import { APP_BINDINGS, COMPATIBILITY_DATE, applyMigrations } from "../lib/runtime.mjs";
import { seedRequests } from "../lib/seed.mjs";
import { CREATE_BODY, destinationWithClient, fastClient, recipient } from "../lib/setup.mjs";

/** The modules the authority runs: its shell and host, and each domain's capability. */
const AUTHORITY_SIDE = new Set([
  "src/audit/audit-log.ts",
  "src/authority/authority-host.ts",
  "src/authority/authority-storage.ts",
  "src/authority/authority-types.ts",
  "src/authority/destination-authority.ts",
  "src/authority/idempotency-keys.ts",
  "src/authority/outbox.ts",
  "src/authority/outcomes.ts",
  "src/clients/client-store.ts",
  "src/clients/clients.ts",
  "src/clients/credential-projection.ts",
  "src/clients/signing/signature-evidence.ts",
  "src/limits/budget-ledger.ts",
  "src/limits/client-limits.ts",
  "src/limits/limit-money.ts",
  "src/limits/rate-bucket.ts",
  "src/payments/payment-recheck.ts",
  "src/payments/payment-settle.ts",
  "src/payments/payment-state.ts",
  "src/payments/payment-store.ts",
  "src/payments/refund-state.ts",
  "src/requests/admission-money.ts",
  "src/requests/admission.ts",
  "src/requests/payer-declaration.ts",
  "src/requests/request-state.ts",
  "src/requests/transition-hooks.ts",
  "src/webhooks/endpoint-change-limit.ts",
  "src/webhooks/event-catch-up.ts",
  "src/webhooks/webhook-attempts.ts",
  "src/webhooks/webhook-callers.ts",
  "src/webhooks/webhook-endpoints.ts",
  "src/webhooks/webhook-hooks.ts",
  "src/webhooks/webhook-listing.ts",
  "src/webhooks/webhook-operations.ts",
  "src/webhooks/webhook-store.ts",
]);

/** The kind of work a module's self time is, for the bench's summary; null for idle. */
function groupOf(where) {
  if (/\(\(?idle\)?\)/.test(where)) return null;
  if (AUTHORITY_SIDE.has(where) || ["(exec)", "(transactionSync)", "(getAlarm)", "(setAlarm)"].includes(where))
    return "the authority (its logic and its SQLite calls)";
  if (where.startsWith("cloudflare-internal:d1") || where === "(fetch)" || where === "(read)") return "D1 binding and runtime I/O";
  if (where.startsWith("hono/") || where.startsWith("@hono/") || where.startsWith("zod/")) return "routing and validation (Hono, zod)";
  if (where === "src/lib/crypto.ts" || where.startsWith("src/clients/credentials/") || where === "src/lib/canonical-json.ts")
    return "hashing";
  if (where.startsWith("drizzle-orm/") || where.startsWith("src/db/")) return "query building and row mapping (drizzle)";
  if (where.startsWith("src/")) return "Payrelay's handlers, services, views and middleware";
  return "runtime: V8, GC, JSON, Response, other native";
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const [kind = "get", dir = root] = process.argv.slice(2);
/** A port free right now on 127.0.0.1, for workerd's inspector (another bench or test may hold any fixed one). */
async function freePort() {
  const { createServer } = await import("node:net");
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
const inspectorPort = Number(process.env.BENCH_INSPECTOR_PORT ?? (await freePort()));
const work = path.join(root, "bench", ".work", "profile");
rmSync(work, { recursive: true, force: true });
const app = path.join(work, "app.js");
await build(workerBuildOptions(path.resolve(dir), "src/index.ts", app));
const mf = new Miniflare({
  host: "127.0.0.1",
  port: 0,
  inspectorPort,
  defaultPersistRoot: path.join(work, "state"),
  d1Persist: true,
  durableObjectsPersist: true,
  workers: [
    {
      name: "payrelay",
      modules: true,
      scriptPath: app,
      modulesRoot: work,
      compatibilityDate: COMPATIBILITY_DATE,
      d1Databases: { DB: "profile" },
      durableObjects: { DESTINATION_AUTHORITY: { className: "DestinationAuthority", useSQLite: true } },
      unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
      ...APP_BINDINGS,
    },
  ],
});

try {
  await mf.ready;
  const { db } = await applyMigrations(mf, root);
  const base = (await mf.unsafeGetDirectURL("payrelay")).toString().replace(/\/$/, "");
  const rcpt = await recipient(base);
  const d = await destinationWithClient(rcpt, 50, "Profile");
  d.ids = await seedRequests(db, {
    destinationId: d.destinationId,
    clientId: d.clientId,
    clientName: "Profile",
    count: 10_000,
    newestAt: Date.now() - 60_000,
  });
  // Creates: a client allowed the highest create rate (8 s of load is ~4,000 creates).
  const auth = `Bearer ${kind === "create" ? (await fastClient(rcpt, d.destinationId, "Profile creates")).secret : d.secret}`;
  const target =
    kind === "get"
      ? { base, paths: d.ids.map((id) => `/v1/requests/${id}`), auth }
      : kind === "list"
        ? { base, paths: ["/v1/requests?limit=20"], auth }
        : { base, paths: [`/v1/destinations/${d.destinationId}/requests`], auth, method: "POST", body: JSON.stringify(CREATE_BODY) };
  const gen = pickLoadGenerator(console.log);
  await load(gen, { ...target, connections: 16, seconds: 2, workdir: work, name: "warm" });

  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  const t = targets.find((x) => x.webSocketDebuggerUrl.endsWith("/core:user:payrelay"));
  const WS = globalThis.WebSocket ?? (await import("ws")).default;
  const ws = new WS(t.webSocketDebuggerUrl);
  await new Promise((r, j) => {
    ws.onopen = r;
    ws.onerror = j;
  });
  let next = 0;
  const pending = new Map();
  ws.onmessage = (e) => {
    const m = JSON.parse(typeof e.data === "string" ? e.data : e.data.toString());
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  };
  const send = (method, params = {}) =>
    new Promise((r) => {
      const id = ++next;
      pending.set(id, r);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 200 });
  await send("Profiler.start");
  const r = await load(gen, { ...target, connections: 16, seconds: 6, workdir: work, name: "profiled" });
  const { result } = await send("Profiler.stop");
  ws.close();
  writeFileSync(path.join(work, `${kind}.cpuprofile`), JSON.stringify(result.profile));

  // esbuild starts each bundled module with a `// path` comment: map samples back to modules.
  const lines = readFileSync(app, "utf8").split("\n");
  const moduleAt = [];
  let current = "(bundle)";
  lines.forEach((l, i) => {
    const m = /^\/\/ (\S+\.(?:ts|js|mjs|cjs))$/.exec(l);
    if (m) current = m[1].replace(/^(\.\.\/)*(work\/main\/)?node_modules\//, "");
    moduleAt[i] = current;
  });
  const nodes = new Map(result.profile.nodes.map((n) => [n.id, n]));
  const byModule = new Map();
  const byFunction = new Map();
  for (const id of result.profile.samples) {
    const f = nodes.get(id).callFrame;
    const where = f.url.endsWith("app.js") ? moduleAt[f.lineNumber] : f.url || `(${f.functionName || "native"})`;
    byModule.set(where, (byModule.get(where) ?? 0) + 1);
    const fn = `${f.functionName || "(anonymous)"}  ${where}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + 1);
  }
  const n = result.profile.samples.length;
  const top = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, c]) => `${((100 * c) / n).toFixed(1).padStart(5)} %  ${k}`)
      .join("\n");
  console.log(
    `${kind}: ${r.requests} requests at ${r.rps.toFixed(0)} req/s; ${n} samples\n\nself time by module\n${top(byModule)}\n\nself time by function\n${top(byFunction)}`,
  );
  // For bench/run.mjs: shares of the busy samples (idle left out) by kind of work, and the top modules.
  if (process.env.BENCH_PROFILE_OUT) {
    const busy = n - (byModule.get("((idle))") ?? 0) - (byModule.get("(idle)") ?? 0);
    const groups = {};
    for (const [where, count] of byModule) {
      const g = groupOf(where);
      if (g) groups[g] = (groups[g] ?? 0) + count / busy;
    }
    const modules = [...byModule]
      .filter(([where]) => groupOf(where))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([where, count]) => ({ where, share: count / busy }));
    writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify({ kind, requests: r.requests, samples: busy, groups, modules }));
  }
} finally {
  killLoad();
  await mf.dispose();
}
