// A real local EVM for development and tests: `hardhat node` (chain 31337,
// 20 funded, unlocked accounts) on 127.0.0.1 at a free port, the Demo USD
// token deployed from account #0 and minted to the first ten accounts, and an
// ERC20FeeProxy-compatible payment proxy (contracts/FeeProxy.sol) beside it.
// Used by vitest's globalSetup, scripts/dev.mjs and e2e/run.mjs.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { rpc, selector, sendAndWait, word } from "./evm.mjs";

export const CHAIN_ID = 31337;
/** Minted to each funded account: 1,000,000.000000 Demo USD. */
export const MINT_MINOR = 1_000_000_000_000n;
const FUNDED = 10;
const READY_TIMEOUT_MS = 30_000;
const guard = fileURLToPath(new URL("./node-guard.mjs", import.meta.url));
const artifact = JSON.parse(readFileSync(new URL("./demo-usd.json", import.meta.url), "utf8"));
const proxyArtifact = JSON.parse(readFileSync(new URL("./fee-proxy.json", import.meta.url), "utf8"));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Ends the chain's process group (the guard and hardhat) by pid; safe to call twice. */
export function stopChain(pid, signal = "SIGTERM") {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function waitForChain(url, chainId, child, output) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`hardhat node exited with ${child.exitCode}:\n${output.join("")}`);
    try {
      if (Number(await rpc(url, "eth_chainId")) === chainId) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`hardhat node did not answer within ${READY_TIMEOUT_MS / 1000} s`);
}

async function spawnNode(chainId) {
  const port = await freePort();
  const output = [];
  // detached: its own process group, so stopChain(pid) reaches hardhat too.
  const child = spawn(process.execPath, [guard, String(port), String(chainId)], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => output.push(String(d)));
  child.stderr.on("data", (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForChain(url, chainId, child, output);
  } catch (error) {
    stopChain(child.pid, "SIGKILL");
    throw error;
  }
  // Keep the child from holding this process open; the guard ends the node when we exit.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) stream.unref?.();
  return { url, pid: child.pid };
}

/**
 * Starts the chain, deploys Demo USD and the fee proxy and funds the accounts. Returns
 * `{ rpcUrl, chainId, pid, tokenAddress, proxyAddress, accounts, stop }`; `stop()` ends it,
 * and it also ends by itself when this process exits. `chainId` other than
 * 31337 is for tests that need a second chain.
 */
export async function startChain({ chainId = CHAIN_ID } = {}) {
  let node;
  // A port picked free can be taken before hardhat binds it (other suites run in parallel): retry.
  for (let attempt = 1; !node; attempt++) {
    try {
      node = await spawnNode(chainId);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  const stop = () => stopChain(node.pid);
  process.once("exit", stop);
  try {
    const accounts = await rpc(node.url, "eth_accounts");
    const deployed = await sendAndWait(node.url, { from: accounts[0], data: artifact.bytecode });
    const tokenAddress = deployed.contractAddress;
    for (const to of accounts.slice(0, FUNDED)) {
      await sendAndWait(node.url, {
        from: accounts[0],
        to: tokenAddress,
        data: `0x${selector("mint(address,uint256)")}${word(to)}${word(MINT_MINOR)}`,
      });
    }
    // Deployed last, so the token keeps the address it always had (account #0's first contract).
    const proxyAddress = (await sendAndWait(node.url, { from: accounts[0], data: proxyArtifact.bytecode })).contractAddress;
    return { rpcUrl: node.url, chainId, pid: node.pid, tokenAddress, proxyAddress, accounts, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

// `node scripts/chain/local-chain.mjs`: a chain on its own, until Ctrl-C.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const chain = await startChain();
  console.log(
    `chain ${chain.chainId} at ${chain.rpcUrl}, Demo USD (USDC, 6 decimals) at ${chain.tokenAddress}, ready in ${Date.now() - started} ms`,
  );
  console.log(`CHAIN_RPC_URLS=${JSON.stringify({ [chain.chainId]: chain.rpcUrl })}`);
  console.log(`PAYMENT_PROXIES=${JSON.stringify({ [chain.chainId]: [chain.proxyAddress] })}`);
  process.on("SIGINT", () => process.exit(130));
  setInterval(() => {}, 1 << 30);
}
