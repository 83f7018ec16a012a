// The local chain for the payment phase: the same Hardhat node and Demo USD token the
// tests and `npm run dev` use (scripts/chain/local-chain.mjs), with a counting JSON-RPC
// proxy in front, so the bench can say how many RPC calls one verification costs.
// The Worker is given the proxy's URL; the bench's own payer talks to Hardhat directly.
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import { startChain } from "../../scripts/chain/local-chain.mjs";

const HOST = "127.0.0.1";

/** A JSON-RPC proxy on 127.0.0.1 (random port) counting calls by method, batches included. */
async function countingProxy(target) {
  let counts = {};
  let posts = 0;
  // Summed time Hardhat took to answer, so a run can tell the chain's share from the Worker's.
  let upstreamMs = 0;
  const note = (call) => {
    const m = typeof call?.method === "string" ? call.method : "(invalid)";
    counts[m] = (counts[m] ?? 0) + 1;
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      posts++;
      try {
        const parsed = JSON.parse(body.toString("utf8"));
        for (const call of Array.isArray(parsed) ? parsed : [parsed]) note(call);
      } catch {
        note(null);
      }
      const t = performance.now();
      try {
        const upstream = await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body });
        const answer = Buffer.from(await upstream.arrayBuffer());
        upstreamMs += performance.now() - t;
        res.writeHead(upstream.status, { "content-type": "application/json" }).end(answer);
      } catch {
        res.writeHead(502).end();
      }
    });
  });
  await new Promise((resolve) => server.listen(0, HOST, resolve));
  return {
    url: `http://${HOST}:${server.address().port}`,
    /** Calls by method, HTTP posts (a batch is one post) and Hardhat's summed answer time since the last reset. */
    counts: () => ({ byMethod: { ...counts }, posts, upstreamMs }),
    reset: () => {
      counts = {};
      posts = 0;
      upstreamMs = 0;
    },
    // closeAllConnections: close() alone waits for workerd's keep-alive sockets.
    close: () => new Promise((resolve) => server.close(resolve) && server.closeAllConnections()),
  };
}

/**
 * Starts Hardhat (chain 31337, Demo USD deployed and minted to the first ten accounts) and
 * the proxy. Returns { chainId, tokenAddress, accounts, rpcUrl (Hardhat itself), proxy,
 * startSeconds, stop() }; stop() is safe to call twice, and the chain also ends with this process.
 */
export async function startBenchChain() {
  const started = Date.now();
  const chain = await startChain();
  let proxy;
  try {
    proxy = await countingProxy(chain.rpcUrl);
  } catch (err) {
    chain.stop();
    throw err;
  }
  let stopped = false;
  return {
    chainId: chain.chainId,
    tokenAddress: chain.tokenAddress,
    accounts: chain.accounts,
    rpcUrl: chain.rpcUrl,
    proxy,
    startSeconds: (Date.now() - started) / 1000,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      chain.stop();
      await Promise.race([proxy.close(), new Promise((r) => setTimeout(r, 2000))]);
    },
  };
}
