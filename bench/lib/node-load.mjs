// Fallback load generator when wrk is not installed: N keep-alive connections,
// each sending its next request as soon as the last one answered, for a fixed
// time. Run as its own process (never inside the bench's event loop); same
// inputs (BENCH_* environment) and the same JSON summary as bench/wrk/scenario.lua.
import http from "node:http";
import { readFileSync, writeFileSync } from "node:fs";

const [url, connections, seconds] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const base = new URL(url);
const method = process.env.BENCH_METHOD ?? "GET";
const body = method === "POST" ? Buffer.from(process.env.BENCH_BODY ?? "") : null;
// A line `path<TAB>authorization` carries its own Authorization; a bare path uses BENCH_AUTH.
const paths = readFileSync(process.env.BENCH_PATHS, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => line.split("\t"));
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
// BENCH_HEADERS: more headers, one "Name: value" a line.
const extra = (process.env.BENCH_HEADERS ?? "")
  .split("\n")
  .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
  .filter(Boolean)
  .map((m) => [m[1].toLowerCase(), m[2]]);
const common = {
  ...Object.fromEntries(extra),
  ...(process.env.BENCH_AUTH ? { authorization: process.env.BENCH_AUTH } : {}),
  ...(body ? { "content-type": "application/json", "content-length": body.length } : {}),
};
const headersFor = ([, own]) => (own ? { ...common, authorization: own } : common);
const latencies = [];
const errors = { connect: 0, read: 0, write: 0, status: 0, timeout: 0 };
const started = process.hrtime.bigint();
const deadline = Date.now() + seconds * 1000;
let n = 0;

const once = () =>
  new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const line = paths[n++ % paths.length];
    const req = http.request(
      { host: base.hostname, port: base.port, path: line[0], method, headers: headersFor(line), agent, timeout: 5000 },
      (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(Number(process.hrtime.bigint() - t0) / 1000);
          if (res.statusCode >= 400) errors.status++;
          resolve();
        });
      },
    );
    req.on("timeout", () => {
      errors.timeout++;
      req.destroy();
    });
    req.on("error", () => {
      errors.read++;
      resolve();
    });
    req.end(body ?? undefined);
  });

async function loop() {
  while (Date.now() < deadline) await once();
}

await Promise.all(Array.from({ length: connections }, loop));
const durationUs = Number(process.hrtime.bigint() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
writeFileSync(
  process.env.BENCH_OUT,
  JSON.stringify({
    requests: latencies.length,
    durationUs,
    errors,
    p50Us: pct(50),
    p90Us: pct(90),
    p99Us: pct(99),
    maxUs: latencies.at(-1) ?? 0,
    meanUs: latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1),
  }),
);
agent.destroy();
