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
// address, so the per-IP limits are generous here; no webhook endpoint exists, so nothing is queued.
export const APP_BINDINGS = {
  bindings: { PUBLIC_ORIGIN: "", CHAIN_RPC_URLS: "{}", WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString("base64") },
  ratelimits: {
    LOGIN_IP_LIMITER: { simple: { limit: 1000, period: 60 } },
    SIGNUP_IP_LIMITER: { simple: { limit: 1000, period: 60 } },
    CLIENT_READ_LIMITER: { simple: { limit: 1_000_000, period: 60 } },
  },
  queueProducers: { WEBHOOK_DELIVERIES: "payrelay-webhook-deliveries" },
};

/** Starts workerd with the app, the counted app and the floor; returns URLs and the Miniflare. */
export async function startRuntime(bundles, persistRoot) {
  const mf = new Miniflare({
    host: HOST,
    port: 0,
    defaultPersistRoot: persistRoot,
    d1Persist: true,
    durableObjectsPersist: true,
    workers: [
      worker("payrelay", bundles.app, { DESTINATION_AUTHORITY: { className: "DestinationAuthority", useSQLite: true } }, APP_BINDINGS),
      worker(
        "payrelay-counted",
        bundles.counted,
        { DESTINATION_AUTHORITY: { className: "DestinationAuthority", useSQLite: true } },
        APP_BINDINGS,
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
