// Compares builds of Payrelay side by side against the floor, in one workerd,
// interleaved round by round: the way to try a change to src/ before making it.
//
//   node bench/tools/compare.mjs get . /tmp/try-a /tmp/try-b
//
// Each directory is a checkout (or a copy holding src/, migrations/ and a
// node_modules esbuild can resolve from); kind is get, list or create.
import { build } from "esbuild";
import { workerBuildOptions } from "../lib/build.mjs";
import { Miniflare } from "miniflare";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { killLoad, load, pickLoadGenerator, workerdPids, boostPriority } from "../lib/load.mjs";
import { APP_BINDINGS, COMPATIBILITY_DATE, applyMigrations } from "../lib/runtime.mjs";
import { seedRequests } from "../lib/seed.mjs";
import { CREATE_BODY, destinationWithClient, fastClient, recipient } from "../lib/setup.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const [kind = "get", ...dirs] = process.argv.slice(2);
if (!["get", "list", "create"].includes(kind) || dirs.length === 0) {
  console.error("usage: node bench/tools/compare.mjs get|list|create DIR...");
  process.exit(2);
}
const rounds = Number(process.env.BENCH_ROUNDS ?? 6),
  seconds = Number(process.env.BENCH_SECONDS ?? 3),
  connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const work = path.join(root, "bench", ".work", "compare");
rmSync(work, { recursive: true, force: true });

const names = dirs.map((d, i) => `v${i}-${path.basename(path.resolve(d))}`.replace(/[^a-z0-9-]/gi, "-"));
await build(workerBuildOptions(root, "bench/workers/floor-worker.ts", path.join(work, "floor", "floor.js")));
for (const [i, d] of dirs.entries()) await build(workerBuildOptions(path.resolve(d), "src/index.ts", path.join(work, names[i], "app.js")));

const worker = (name, script, durableObjects, extra = {}) => ({
  name,
  modules: true,
  scriptPath: script,
  modulesRoot: path.dirname(script),
  compatibilityDate: COMPATIBILITY_DATE,
  d1Databases: { DB: "compare" },
  durableObjects,
  unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
  ...extra,
});
const mf = new Miniflare({
  host: "127.0.0.1",
  port: 0,
  defaultPersistRoot: path.join(work, "state"),
  d1Persist: true,
  durableObjectsPersist: true,
  workers: [
    worker("floor", path.join(work, "floor", "floor.js"), { FLOOR_AUTHORITY: { className: "FloorAuthority", useSQLite: true } }),
    ...names.map((n) =>
      worker(
        n,
        path.join(work, n, "app.js"),
        { DESTINATION_AUTHORITY: { className: "DestinationAuthority", useSQLite: true } },
        APP_BINDINGS,
      ),
    ),
  ],
});
const stop = async (code) => {
  killLoad();
  await mf.dispose();
  process.exit(code);
};
process.on("SIGINT", () => stop(130));

try {
  await mf.ready;
  const cpuPids = workerdPids();
  for (const pid of cpuPids) boostPriority(pid);
  const { db } = await applyMigrations(mf, root, "floor");
  const gen = pickLoadGenerator(console.log);
  const url = async (n) => (await mf.unsafeGetDirectURL(n)).toString().replace(/\/$/, "");
  const targets = {};
  let first;
  for (const [i, n] of names.entries()) {
    const base = await url(n);
    const rcpt = await recipient(base);
    const d = await destinationWithClient(rcpt, 40 + i, n);
    d.ids = await seedRequests(db, {
      destinationId: d.destinationId,
      clientId: d.clientId,
      clientName: n,
      count: 10_000,
      newestAt: Date.now() - 60_000,
    });
    first ??= d;
    const auth = `Bearer ${d.secret}`;
    // Creates: a client per round, each allowed the highest rate (6,000 a minute; a round sends ~2,000).
    const roundAuths = [];
    for (let r = 0; kind === "create" && r < rounds; r++)
      roundAuths.push(`Bearer ${(await fastClient(rcpt, d.destinationId, `${n} ${r}`)).secret}`);
    targets[n] =
      kind === "get"
        ? { base, paths: d.ids.map((id) => `/v1/requests/${id}`), auth }
        : kind === "list"
          ? { base, paths: ["/v1/requests?limit=20"], auth }
          : {
              base,
              paths: [`/v1/destinations/${d.destinationId}/requests`],
              roundAuths,
              method: "POST",
              body: JSON.stringify(CREATE_BODY),
            };
  }
  const floor = await url("floor");
  targets.floor =
    kind === "get"
      ? { base: floor, paths: first.ids.map((id) => `/floor/requests/${id}`) }
      : kind === "list"
        ? { base: floor, paths: [`/floor/list?destination=${first.destinationId}&client=${first.clientId}&limit=20`] }
        : {
            base: floor,
            paths: [`/floor/destinations/${first.destinationId}/requests`],
            method: "POST",
            body: JSON.stringify(CREATE_BODY),
          };

  const sides = ["floor", ...names];
  const res = Object.fromEntries(sides.map((s) => [s, []]));
  for (let r = 0; r < rounds; r++) {
    for (const s of sides.map((_, i) => sides[(i + r) % sides.length])) {
      const t = targets[s].roundAuths ? { ...targets[s], auth: targets[s].roundAuths[r] } : targets[s];
      await load(gen, { ...t, connections, seconds: 1, workdir: work, name: `${s}-warm` });
      const x = await load(gen, { ...t, connections, seconds, workdir: work, name: `${s}-${r}`, cpuPids });
      if (x.errors) throw new Error(`${s}: ${JSON.stringify(x.errorDetail)}`);
      res[s].push(x);
    }
    console.log(`round ${r + 1}: ${sides.map((s) => `${s} ${res[s][r].rps.toFixed(0)} req/s`).join(", ")}`);
  }
  const med = (a) => {
    const s = [...a].sort((x, y) => x - y);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  console.log(`\n${kind}, ${connections} connections, ${rounds} rounds of ${seconds} s; ratios are medians of per-round ratios`);
  for (const s of sides) {
    const ratio =
      s === "floor"
        ? ""
        : `  ratio to floor ${(100 * med(res[s].map((x, i) => x.rps / res.floor[i].rps))).toFixed(0)} % (per round: ${res[s].map((x, i) => ((100 * x.rps) / res.floor[i].rps).toFixed(0)).join(" ")})`;
    console.log(
      `${s.padEnd(24)} ${med(res[s].map((x) => x.rps))
        .toFixed(0)
        .padStart(
          6,
        )} req/s  p50 ${med(res[s].map((x) => x.p50)).toFixed(2)} ms  CPU ${med(res[s].map((x) => x.cpuUsPerRequest)).toFixed(0)} µs/request${ratio}`,
    );
  }
  writeFileSync(path.join(work, `result-${kind}.json`), JSON.stringify(res, null, 1));
  await stop(0);
} catch (err) {
  console.error(err);
  await stop(1);
}
