// `npm run dev`: start the local chain (hardhat node + Demo USD), write its
// CHAIN_RPC_URLS into .dev.vars, migrate local D1, start `wrangler dev` (which
// builds the dashboard), seed a demo recipient, destination on the local chain,
// client and a payable demo request, print them.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startChain } from "./chain/local-chain.mjs";
import { seedDemo } from "./lib/demo-seed.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = Number(process.env.PORT ?? 8787);
const base = `http://127.0.0.1:${port}`;
const wrangler = `${root}node_modules/.bin/wrangler`;

/** Sets KEY=value in .dev.vars, keeping every other line the developer put there. */
function setDevVar(key, value) {
  const file = `${root}.dev.vars`;
  const kept = existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l.trim() && !l.startsWith(`${key}=`))
    : [];
  writeFileSync(file, [...kept, `${key}=${value}`, ""].join("\n"));
}

const migrate = spawnSync(wrangler, ["d1", "migrations", "apply", "DB", "--local"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CI: "1" },
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

// A local key sealing webhook secrets, made once. WEBHOOK_ALLOW_LOCAL goes on the command line: with
// `secrets.required` in wrangler.jsonc, wrangler reads only the listed names from .dev.vars.
const hasKey = existsSync(`${root}.dev.vars`) && readFileSync(`${root}.dev.vars`, "utf8").includes("WEBHOOK_SECRET_KEY=");
if (!hasKey) setDevVar("WEBHOOK_SECRET_KEY", randomBytes(32).toString("base64"));

// The chain stops by itself when this process exits (scripts/chain/node-guard.mjs).
const chain = await startChain();
setDevVar("CHAIN_RPC_URLS", JSON.stringify({ [chain.chainId]: chain.rpcUrl }));

const dev = spawn(
  wrangler,
  [
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--var",
    "WEBHOOK_ALLOW_LOCAL:true",
    "--var",
    `PAYMENT_PROXIES:${JSON.stringify({ [chain.chainId]: [chain.proxyAddress] })}`,
  ],
  {
    cwd: root,
    stdio: "inherit",
    detached: true,
  },
);
const stop = () => {
  try {
    process.kill(-dev.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
  chain.stop();
};
process.on("SIGINT", () => {
  stop();
  process.exit(130);
});
process.on("SIGTERM", () => {
  stop();
  process.exit(143);
});
dev.on("exit", (code) => {
  chain.stop();
  process.exit(code ?? 0);
});

async function ready(deadline) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/openapi.json`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("wrangler dev did not answer within 120 s");
}

/** A fresh incoming demo request and its payment link, so there is always something to pay. */
async function demoLink(secret, destinationId) {
  const call = async (path, body) => {
    const res = await fetch(base + path, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const request = await call(`/v1/destinations/${destinationId}/requests`, {
    direction: "incoming",
    amount: "12.50",
    currency: "USDC",
    reference: "DEMO 1",
  });
  return { request, link: await call(`/v1/requests/${request.id}/payment-links`, {}) };
}

try {
  await ready(Date.now() + 120_000);
  mkdirSync(`${root}.wrangler`, { recursive: true });
  const demo = await seedDemo(base, `${root}.wrangler/demo.json`, chain);
  // What `npm run demo:pay` needs to pay without arguments beyond a link or request id.
  writeFileSync(
    `${root}.wrangler/local-chain.json`,
    JSON.stringify({
      base,
      rpcUrl: chain.rpcUrl,
      chainId: chain.chainId,
      tokenAddress: chain.tokenAddress,
      proxyAddress: chain.proxyAddress,
      walletAddress: demo.destination.walletAddress,
    }),
  );
  const { request, link } = await demoLink(demo.secret, demo.destination.id);
  console.log(`
  Payrelay is running at ${base}

  Dashboard   ${base}/            sign in as ${demo.email} / ${demo.password}
  API docs    ${base}/docs         (OpenAPI: ${base}/openapi.json)
  Local chain ${chain.rpcUrl}  (chain ${chain.chainId}; Demo USD, symbol USDC, at ${chain.tokenAddress})
  Destination ${demo.destination.id}  ${demo.destination.interopAddress}
  Client secret (demo only, local state):
    ${demo.secret}

  Demo request ${request.id} (12.50 USDC), payment page ${link.url}
  Pay it from a funded local account:  npm run demo:pay -- ${link.url}

  Try:  curl -s -X POST ${base}/v1/destinations/${demo.destination.id}/requests \\
          -H "Authorization: Bearer ${demo.secret}" -H "Content-Type: application/json" \\
          -d '{"direction":"incoming","amount":"12.50","currency":"USDC","reference":"INV 1"}'

  Ctrl-C stops everything.
`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  stop();
  process.exit(1);
}
