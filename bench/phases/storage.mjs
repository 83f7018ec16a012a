// Storage growth: bytes per request in D1, bytes per admission in the
// destination's authority, and what the alarm's housekeeping and the cron purge
// leave after 48 h of simulated time. On the counted build, whose isolate has a
// bench-only clock (bench/workers/counting-entry.ts); the app build is untouched.
import { CREATE_BODY, manyDestinations, orchestrator, recipient } from "../lib/setup.mjs";

export const name = "storage";

const N = process.env.BENCH_STORAGE_CREATES ? Number(process.env.BENCH_STORAGE_CREATES) : 1000;
const HOUR = 3600_000;

export async function run(ctx) {
  const base = ctx.urls.counted;
  const get = async (p) => {
    const r = await fetch(base + p);
    if (!r.ok) throw new Error(`storage: ${p} HTTP ${r.status}`);
    return r.json();
  };
  const [dest] = await manyDestinations(await recipient(base), "5e", 1, 1, "Storage");
  const snap = () => get(`/__bench/storage?destination=${dest.destinationId}`);
  const alarm = () => get(`/__bench/alarm?destination=${dest.destinationId}`);
  const clock = (offsetMs) => get(`/__bench/clock?offsetMs=${offsetMs}`);
  await clock(0);

  const before = await snap();
  // Every create with its own Idempotency-Key, as a careful orchestrator sends them: each leaves a key row.
  const o = orchestrator(base, dest.secret);
  let i = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (i < N) {
        const k = i++;
        const r = await o(`/v1/destinations/${dest.destinationId}/requests`, {
          body: CREATE_BODY,
          headers: { "idempotency-key": `storage-${k}` },
        });
        if (r.status !== 201) throw new Error(`storage: create HTTP ${r.status}`);
      }
    }),
  );
  const created = await snap();
  ctx.log(`storage: ${N} creates; authority outbox ${created.object.tables.outbox?.rows} rows`);

  // Past the outbox grace: the alarm drains (100 rows a run) until the outbox is empty.
  await clock(60_000);
  const drainRuns = await alarmUntil(alarm, snap, (s) => (s.object.tables.outbox?.rows ?? 0) === 0);
  const drained = await snap();

  // 48 h on: idempotency keys expire, the cron purge runs with the shifted now.
  await clock(48 * HOUR + 60_000);
  await alarm();
  const purge = await get("/__bench/purge");
  const later = await snap();
  await clock(0);
  ctx.log(`storage: after 48 h the authority holds ${later.object.databaseSize} bytes; purge ${JSON.stringify(purge)}`);
  return { n: N, before, created, drained, later, drainRuns, purge };
}

async function alarmUntil(alarm, snap, done) {
  for (let runs = 1; runs <= 50; runs++) {
    await alarm();
    if (done(await snap())) return runs;
  }
  throw new Error("storage: the outbox did not drain in 50 alarm runs");
}

const kb = (b) => (b === null || b === undefined ? "–" : `${(b / 1024).toFixed(1)} KiB`);
const f0 = (x) => (x === null || x === undefined || Number.isNaN(x) ? "–" : x.toFixed(0));

export function report(d) {
  const d1Bytes = (s) => s.d1.size;
  const perReqD1 = (d1Bytes(d.created) - d1Bytes(d.before)) / d.n;
  const perAdmission = (d.created.object.databaseSize - d.before.object.databaseSize) / d.n;
  const staysObject = (d.later.object.databaseSize - d.before.object.databaseSize) / d.n;
  const staysD1 = (d1Bytes(d.later) - d1Bytes(d.before)) / d.n;
  const hasBytes = (side) => Object.values(d.created[side].tables ?? {}).some((t) => t.bytes !== null);

  const rows = (side) => {
    const names = Object.keys(d.created[side].tables ?? {}).filter((t) =>
      [d.before, d.created, d.drained, d.later].some((s) => (s[side].tables?.[t]?.rows ?? 0) !== (d.before[side].tables?.[t]?.rows ?? 0)),
    );
    return names.map((t) => {
      const at = (s) => s[side].tables?.[t] ?? { rows: 0, bytes: null };
      const grow = (s, f) => (at(s)[f] === null ? null : at(s)[f] - (at(d.before)[f] ?? 0));
      const withPayload = side === "object";
      const cell = (s) =>
        `${grow(s, "rows")}${hasBytes(side) ? ` / ${kb(grow(s, "bytes"))}` : ""}${withPayload ? ` / ${kb(grow(s, "payload"))}` : ""}`;
      const per = hasBytes(side)
        ? ` | ${f0(grow(d.later, "bytes") / d.n)}`
        : withPayload
          ? ` | ${f0(grow(d.created, "payload") / d.n)} | ${f0(grow(d.later, "payload") / d.n)}`
          : "";
      return `| ${t} | ${cell(d.created)} | ${cell(d.drained)} | ${cell(d.later)}${per} |`;
    });
  };
  const head = (side) =>
    hasBytes(side)
      ? [
          "| table (+ its indexes) | after creates: rows / bytes | after drain | after 48 h + purge | bytes per request left |",
          "|---|---:|---:|---:|---:|",
        ]
      : side === "object"
        ? [
            "| table | after creates: rows / payload | after drain | after 48 h + purge | payload per admission | payload per request left |",
            "|---|---:|---:|---:|---:|---:|",
          ]
        : ["| table | rows after creates | after drain | after 48 h + purge |", "|---|---:|---:|---:|"];

  const markdown = [
    "## Storage growth",
    "",
    `${d.n} creates (each with its own Idempotency-Key) on a fresh destination of the counted build, then its alarm run past the outbox grace until the outbox was empty (${d.drainRuns} runs), then 48 h later the alarm again and the cron purge (\`purgeExpired\`, with the shifted now: ${JSON.stringify(d.purge)}). Growth over the state before the creates:`,
    "",
    "| measure | value |",
    "|---|---:|",
    `| bytes per request in D1 (D1's database size, meta.size_after, after the creates) | ${f0(perReqD1)} B |`,
    `| bytes per admission in the authority (\`storage.sql.databaseSize\`, after the creates) | ${f0(perAdmission)} B |`,
    `| bytes per request left in the authority after 48 h + purge | ${f0(staysObject)} B |`,
    `| bytes per request left in D1 after 48 h + purge | ${f0(staysD1)} B |`,
    `| authority database: before / after creates / after drain / after 48 h | ${kb(d.before.object.databaseSize)} / ${kb(d.created.object.databaseSize)} / ${kb(d.drained.object.databaseSize)} / ${kb(d.later.object.databaseSize)} |`,
    "",
    "Authority (the destination's Durable Object), rows added per table:",
    "",
    ...head("object"),
    ...rows("object"),
    "",
    "D1, rows added per table:",
    "",
    ...(d.created.d1.tables ? [...head("d1"), ...rows("d1")] : ["(D1's table listing was not readable here.)"]),
    "",
    `How measured: the counted build exposes bench-only views (bench/workers/counting-entry.ts): the authority's \`databaseSize\` and per-table row counts (and bytes from SQLite's dbstat where it answers), D1's database size (meta.size_after of a query; D1 refuses PRAGMA page_count) and its rows per table, a clock offset applied to Date.now in that isolate only, the alarm run on demand, and the cron's purgeExpired. Sizes are as each store reports them: a SQLite file may keep freed pages for reuse, so a size after deletes can stay above what the rows left need. Payload is the sum of the stored values' sizes (strings in UTF-8, numbers as 8 bytes), without indexes or page overhead; per-table bytes with indexes appear only where SQLite's dbstat is readable (${d.created.d1.tables && hasBytes("d1") ? "D1: yes" : "D1: no"}, ${hasBytes("object") ? "authority: yes" : "authority: no"}); otherwise the rows say what is left. The request row in D1 and the request state in the authority are the product and stay; idempotency keys (48 h) and outbox rows (drained) are the ones meant to go; events stay for their 30-day retention.`,
    "",
  ].join("\n");
  return {
    targets: [
      { target: "bytes per request in D1 (measured)", value: `${f0(perReqD1)} B`, ok: null },
      { target: "bytes per admission in the authority (measured)", value: `${f0(perAdmission)} B`, ok: null },
      {
        target: "what purge leaves after 48 h, per request (measured)",
        value: `authority ${f0(staysObject)} B, D1 ${f0(staysD1)} B`,
        ok: null,
      },
    ],
    markdown,
  };
}
