// Drives load from a separate process: wrk (Debian's package, installed here if
// missing), or the bundled Node load generator if wrk cannot be had. Every child
// is bounded in time, tracked, and killed on exit.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const children = new Set();

/** Kills every load process still running (called on every exit path). */
export function killLoad() {
  for (const c of children) {
    try {
      c.kill("SIGKILL");
    } catch {
      /* already gone */
    }
  }
  children.clear();
}

const isRoot = process.getuid?.() === 0;
let boost = isRoot && process.env.BENCH_NICE !== "0";

/**
 * On a shared box, other work steals the CPU from one side of a comparison and
 * not the other. As root, the bench raises its own processes' priority (workerd
 * and the load generator) for its few minutes; BENCH_NICE=0 turns that off.
 */
export function boostPriority(pid) {
  if (!boost) return false;
  // Linux niceness is per thread: renice each one (threads started later inherit it).
  let tids = [String(pid)];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    /* use the pid alone */
  }
  const r = spawnSync("renice", ["-n", "-10", "-p", ...tids], { stdio: "ignore" });
  if (r.status !== 0) boost = false;
  return r.status === 0;
}

/** Whether the bench runs its processes at raised priority. */
export const boosted = () => boost;

/** The workerd processes Miniflare started for this bench (children of this process). */
export function workerdPids() {
  const pids = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (comm === "workerd" && ppid === process.pid) pids.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return pids;
}

const TICK_US = 1e6 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);
/** User + system CPU time of the given processes (all their threads), in µs. */
function cpuUs(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* gone */
    }
  }
  return ticks * TICK_US;
}

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;

/** "wrk" when available (installing it with apt-get when root), else "node". */
export function pickLoadGenerator(log) {
  if (process.env.BENCH_LOAD === "node") return { kind: "node", version: process.version };
  if (!has("wrk") && process.getuid?.() === 0 && has("apt-get")) {
    log("wrk not found: apt-get install -y wrk");
    spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk"], {
      stdio: "ignore",
      timeout: 180_000,
    });
  }
  if (has("wrk")) {
    const v = spawnSync("wrk", ["-v"], { encoding: "utf8" });
    return { kind: "wrk", version: ((v.stdout || "") + (v.stderr || "")).split("\n")[0].split(" Copyright")[0].trim() };
  }
  log("wrk unavailable: using the Node load generator (bench/lib/node-load.mjs)");
  return { kind: "node", version: process.version };
}

function run(cmd, args, env, limitMs) {
  return new Promise((resolve, reject) => {
    // Started under `nice -n -10` when boosting, so every thread it makes has the priority.
    const [file, argv] = boost ? ["nice", ["-n", "-10", cmd, ...args]] : [cmd, args];
    const child = spawn(file, argv, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill("SIGKILL"), limitMs);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} exited ${code ?? signal}: ${err.slice(0, 500)}`));
    });
  });
}

/**
 * One bounded load run. `paths` are cycled through; returns requests/s, latency
 * percentiles in ms and error counts.
 */
export async function load(gen, { base, paths, method = "GET", body, auth, headers, connections, seconds, workdir, name, cpuPids = [] }) {
  const pathsFile = path.join(workdir, `${name}.paths`);
  const out = path.join(workdir, `${name}.json`);
  writeFileSync(pathsFile, paths.join("\n") + "\n");
  writeFileSync(out, "");
  const env = {
    BENCH_METHOD: method,
    BENCH_PATHS: pathsFile,
    BENCH_BODY: body ?? "",
    BENCH_AUTH: auth ?? "",
    // Extra headers as "Name: value" lines (the MCP phase's Accept).
    BENCH_HEADERS: Object.entries(headers ?? {})
      .map(([k, v]) => `${k}: ${v}`)
      .join("\n"),
    BENCH_OUT: out,
  };
  const limit = (seconds + 20) * 1000;
  const cpuBefore = cpuUs(cpuPids);
  if (gen.kind === "wrk") {
    const threads = Math.min(2, connections);
    await run(
      "wrk",
      [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, "--timeout", "5s", "-s", path.join(here, "..", "wrk", "scenario.lua"), base],
      env,
      limit,
    );
  } else {
    await run(process.execPath, [path.join(here, "node-load.mjs"), base, String(connections), String(seconds)], env, limit);
  }
  const cpu = cpuUs(cpuPids) - cpuBefore;
  const r = JSON.parse(readFileSync(out, "utf8"));
  const errors = Object.values(r.errors).reduce((a, b) => a + b, 0);
  return {
    rps: r.requests / (r.durationUs / 1e6),
    requests: r.requests,
    p50: r.p50Us / 1000,
    p90: r.p90Us / 1000,
    p99: r.p99Us / 1000,
    max: r.maxUs / 1000,
    errors,
    errorDetail: r.errors,
    // workerd CPU (all its threads) per answered request: what throughput would be bound by on an idle core.
    cpuUsPerRequest: cpuPids.length && r.requests ? cpu / r.requests : null,
  };
}

/** Runs bench/lib/latency-probe.mjs over `targets` for `seconds`; returns its per-target percentiles (ms). */
export async function probeLatency(targets, seconds, workdir) {
  const config = path.join(workdir, "latency-probe.json");
  const out = path.join(workdir, "latency-probe.out.json");
  writeFileSync(config, JSON.stringify({ seconds, out, targets }));
  await run(process.execPath, [path.join(here, "latency-probe.mjs"), config], {}, (seconds + 30) * 1000);
  return JSON.parse(readFileSync(out, "utf8"));
}
