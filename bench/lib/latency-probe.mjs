// Latency at scale without queueing, and fair to every target: one request at a
// time, cycling through all targets in a fresh random order each cycle, for a
// fixed time. A hiccup of the box (GC, another process) then lands on every
// target alike, so their p99s can be compared. Run as its own process:
//   node latency-probe.mjs CONFIG.json   (config: {seconds, out, targets: [{name, base, path, auth}]})
import http from "node:http";
import { readFileSync, writeFileSync } from "node:fs";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const agents = new Map();
const agentFor = (base) => {
  if (!agents.has(base)) agents.set(base, new http.Agent({ keepAlive: true, maxSockets: 1 }));
  return agents.get(base);
};
const samples = Object.fromEntries(config.targets.map((t) => [t.name, []]));
const errors = Object.fromEntries(config.targets.map((t) => [t.name, 0]));

const once = (t) =>
  new Promise((resolve) => {
    const u = new URL(t.base);
    const started = process.hrtime.bigint();
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: t.path,
        agent: agentFor(t.base),
        headers: t.auth ? { authorization: t.auth } : {},
        timeout: 5000,
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode !== 200) errors[t.name]++;
          else samples[t.name].push(Number(process.hrtime.bigint() - started) / 1e6);
          resolve();
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => {
      errors[t.name]++;
      resolve();
    });
    req.end();
  });

const deadline = Date.now() + config.seconds * 1000;
while (Date.now() < deadline) {
  const order = [...config.targets].sort(() => Math.random() - 0.5);
  for (const t of order) await once(t);
}
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const out = {};
for (const [name, xs] of Object.entries(samples)) {
  xs.sort((a, b) => a - b);
  out[name] = { n: xs.length, errors: errors[name], p50: pct(xs, 50), p90: pct(xs, 90), p99: pct(xs, 99), max: xs.at(-1) ?? 0 };
}
writeFileSync(config.out, JSON.stringify(out));
for (const a of agents.values()) a.destroy();
