// Runs the bundled Workers on local workerd through Miniflare's Node API: no
// `wrangler dev` proxy, and each Worker on its own direct socket (workerd's own
// HTTP listener straight into the Worker, bypassing Miniflare's entry Worker).
import { Miniflare } from "miniflare";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export const COMPATIBILITY_DATE = "2026-04-26";
const HOST = "127.0.0.1";
// One database id for every Worker: they all read and write the same D1 file,
// so the floor reads exactly the rows Payrelay reads.
const DATABASE_ID = "payrelay-bench";

const worker = (name, scriptPath, durableObjects, extra = {}) => ({
  name,
  modules: true,
  scriptPath,
  modulesRoot: path.dirname(scriptPath),
  compatibilityDate: COMPATIBILITY_DATE,
  d1Databases: { DB: DATABASE_ID },
  durableObjects,
  unsafeDirectSockets: [{ host: HOST, port: 0 }],
  ...extra,
});

// The app's other bindings (wrangler.jsonc): the bench signs up a handful of recipients from one
// address, so the per-IP limits are generous here. CHAIN_RPC_URLS names the bench's local chain
// (through its counting proxy, bench/lib/chain.mjs) when one runs; WEBHOOK_ALLOW_LOCAL lets
// webhook endpoints be the bench's receiver on http://127.0.0.1, as in scripts/dev.mjs and the tests.
// Only the app build binds CHAIN_WATCHER (the counted build's entry has no ChainWatcher class).
const appBindings = (chainRpcUrls, queue) => ({
  bindings: {
    PUBLIC_ORIGIN: "",
    CHAIN_RPC_URLS: JSON.stringify(chainRpcUrls),
    WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString("base64"),
    WEBHOOK_ALLOW_LOCAL: "true",
    // No watcher starts by itself (it would race the payments phase's submissions); the detection phase starts one.
    CHAIN_WATCH_AUTOSTART: "false",
  },
  ratelimits: {
    LOGIN_IP_LIMITER: { simple: { limit: 1000, period: 60 } },
    SIGNUP_IP_LIMITER: { simple: { limit: 1000, period: 60 } },
    CLIENT_READ_LIMITER: { simple: { limit: 1_000_000, period: 60 } },
    // Payment submissions (per request and per caller): high enough that the bench measures the path, not the limit.
    PAYMENT_TARGET_LIMITER: { simple: { limit: 1_000_000, period: 60 } },
    PAYMENT_CALLER_LIMITER: { simple: { limit: 1_000_000, period: 60 } },
  },
  queueProducers: { WEBHOOK_DELIVERIES: queue },
});
/** The app's bindings with no chain (bench/tools/profile.mjs). */
export const APP_BINDINGS = appBindings({}, "payrelay-webhook-deliveries");

// wrangler.jsonc's consumer settings. Each build consumes its own queue: a delivery names a
// destination of its own build's authority namespace. Local Queues honour max_batch_timeout,
// so an event waits up to 1 s for its batch to fill, as in production.
const DELIVERY_QUEUE = "payrelay-webhook-deliveries";
const DEAD_LETTER_QUEUE = "payrelay-webhook-deliveries-dlq";
const COUNTED_QUEUE = "payrelay-counted-webhook-deliveries";
const consumer = (deadLetterQueue) => ({
  maxBatchSize: 10,
  maxBatchTimeout: 1,
  maxRetries: 5,
  ...(deadLetterQueue ? { deadLetterQueue } : {}),
});

/**
 * Starts workerd with the app, the counted app and the floor; returns URLs and the Miniflare.
 * `chainRpcUrls`: chain id → JSON-RPC URL for the apps (bindings are fixed at start, so any chain
 * must be up before this).
 */
export async function startRuntime(bundles, persistRoot, { chainRpcUrls = {} } = {}) {
  const mf = new Miniflare({
    host: HOST,
    port: 0,
    defaultPersistRoot: persistRoot,
    d1Persist: true,
    durableObjectsPersist: true,
    workers: [
      worker(
        "payrelay",
        bundles.app,
        {
          DESTINATION_AUTHORITY: { className: "DestinationAuthority", useSQLite: true },
          CHAIN_WATCHER: { className: "ChainWatcher", useSQLite: true },
        },
        {
          ...appBindings(chainRpcUrls, DELIVERY_QUEUE),
          queueConsumers: { [DELIVERY_QUEUE]: consumer(DEAD_LETTER_QUEUE), [DEAD_LETTER_QUEUE]: { maxBatchSize: 10, maxBatchTimeout: 5 } },
        },
      ),
      worker(
        "payrelay-counted",
        bundles.counted,
        { DESTINATION_AUTHORITY: { className: "DestinationAuthority", useSQLite: true } },
        { ...appBindings(chainRpcUrls, COUNTED_QUEUE), queueConsumers: { [COUNTED_QUEUE]: consumer() } },
      ),
      worker("floor", bundles.floor, { FLOOR_AUTHORITY: { className: "FloorAuthority", useSQLite: true } }),
    ],
  });
  await mf.ready;
  const url = async (name) => (await mf.unsafeGetDirectURL(name)).toString().replace(/\/$/, "");
  return { mf, urls: { app: await url("payrelay"), counted: await url("payrelay-counted"), floor: await url("floor") } };
}

/** Applies migrations/*.sql in order, split on drizzle's statement breakpoints. */
export async function applyMigrations(mf, root, workerName = "payrelay") {
  const db = await mf.getD1Database("DB", workerName);
  const dir = path.join(root, "migrations");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  for (const f of files) {
    const statements = readFileSync(path.join(dir, f), "utf8")
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter(Boolean);
    await db.batch(statements.map((s) => db.prepare(s)));
  }
  return { db, files };
}
