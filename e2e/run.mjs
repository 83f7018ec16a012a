// End-to-end run: build the dashboard, apply D1 migrations into a throwaway
// persist dir, start the local chain and `wrangler dev` on 127.0.0.1 (the
// Worker reaches the chain through CHAIN_RPC_URLS), run e2e/*.test.mjs with
// Node's test runner against them, and always stop both.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startChain } from "../scripts/chain/local-chain.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const wranglerBin = join(root, "node_modules", ".bin", "wrangler");
const env = { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" };
const READY_TIMEOUT_MS = 90_000;
const started = Date.now();

function step(name) {
  console.log(`\n[e2e] ${name} (+${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function runSync(command, args) {
  const res = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (res.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${res.status}`);
}

/** 8799 when it is free, otherwise any free port the OS picks. */
function freePort(preferred) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => {
      const any = createServer().listen(0, "127.0.0.1", () => {
        const { port } = any.address();
        any.close(() => resolve(port));
      });
    });
    server.listen(preferred, "127.0.0.1", () => server.close(() => resolve(preferred)));
  });
}

async function waitForReady(base, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early with ${child.exitCode}`);
    try {
      const [page, me] = await Promise.all([fetch(`${base}/`), fetch(`${base}/api/me`)]);
      if (page.ok && (page.headers.get("content-type") ?? "").includes("text/html") && me.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

function stop(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const force = setTimeout(() => kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    kill("SIGTERM");
  });
}

let wrangler;
let chain;
let tests;
let persist;
let exitCode = 1;
const log = [];
const interrupt = async () => {
  tests?.kill("SIGTERM");
  await stop(wrangler);
  chain?.stop();
  if (persist) await rm(persist, { recursive: true, force: true });
  process.exit(130);
};
process.once("SIGINT", interrupt);
process.once("SIGTERM", interrupt);

try {
  step("build");
  runSync(process.execPath, ["scripts/build-dashboard.mjs"]);

  step("migrations");
  persist = await mkdtemp(join(tmpdir(), "payrelay-e2e-"));
  runSync(wranglerBin, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persist]);

  step("local chain");
  chain = await startChain();
  const chainRpcUrls = JSON.stringify({ [chain.chainId]: chain.rpcUrl });
  // An env file in the throwaway dir, so a developer's own .dev.vars never points this run elsewhere.
  const envFile = join(persist, "chain.env");
  await writeFile(envFile, `CHAIN_RPC_URLS=${chainRpcUrls}\nWEBHOOK_SECRET_KEY=${randomBytes(32).toString("base64")}\n`);

  const port = await freePort(8799);
  const base = `http://127.0.0.1:${port}`;
  step(`wrangler dev on ${base}`);
  wrangler = spawn(
    wranglerBin,
    // Webhooks: local http receivers allowed; the chain's URL and a throwaway key sealing webhook secrets in the env file.
    [
      "dev",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      persist,
      "--env-file",
      envFile,
      "--show-interactive-dev-session=false",
      "--var",
      "WEBHOOK_ALLOW_LOCAL:true",
      "--var",
      `PAYMENT_PROXIES:${JSON.stringify({ [chain.chainId]: [chain.proxyAddress] })}`,
    ],
    { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  wrangler.stdout.on("data", (d) => log.push(d.toString()));
  wrangler.stderr.on("data", (d) => log.push(d.toString()));
  await waitForReady(base, wrangler);

  step("tests");
  // `node e2e/run.mjs e2e/x.test.mjs …` runs only those files.
  const only = process.argv.slice(2).map((f) => f.replace(/^e2e\//, ""));
  const files = (await readdir(join(root, "e2e")))
    .filter((f) => f.endsWith(".test.mjs") && (only.length === 0 || only.includes(f)))
    .sort()
    .map((f) => join("e2e", f));
  // Async, so a SIGINT/SIGTERM to this script is handled at once and still stops wrangler. Two files at a time, one
  // per core: each makes its own accounts, and the chain's unlocked accounts take concurrent sends (hardhat numbers
  // them), so files do not meet; measured 220 s against 262 s one at a time.
  tests = spawn(process.execPath, ["--test", "--test-concurrency=2", "--test-reporter=spec", "--test-timeout=120000", ...files], {
    cwd: root,
    env: { ...env, BASE_URL: base, CHAIN_RPC_URL: chain.rpcUrl, DEMO_TOKEN: chain.tokenAddress },
    stdio: "inherit",
  });
  exitCode = await new Promise((resolve) => tests.once("exit", (code) => resolve(code ?? 1)));
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await stop(wrangler);
  chain?.stop();
  if (persist) {
    await writeFile(join(persist, "..", "payrelay-e2e-wrangler.log"), log.join("")).catch(() => {});
    await rm(persist, { recursive: true, force: true });
  }
  if (exitCode !== 0 && log.length)
    console.error(`\n[e2e] wrangler output (last lines):\n${log.join("").split("\n").slice(-40).join("\n")}`);
  step(`done, exit ${exitCode}`);
}
process.exit(exitCode);
