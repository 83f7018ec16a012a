// Shared by the phases that measure one operation at a time (payments, webhooks,
// transitions): timed calls at a few in flight, percentiles, the counted build's
// counters per operation, and destinations for them through the public API.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { walletFromKey } from "../../scripts/lib/eth-wallet.mjs";
import { claim, createClient, createDestination } from "../../scripts/lib/recipient-setup.mjs";

/** The q-quantile (0..1) of an ascending array, nearest rank. */
export const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

/** n calls of fn(i) with `concurrency` in flight; fn's own duration each, in ms. */
export async function timed(n, concurrency, fn) {
  const ms = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        ms.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = ms.sort((a, b) => a - b);
  return {
    n,
    concurrency,
    seconds,
    opsPerSecond: n / seconds,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1),
  };
}

export const readCounts = async (base) => (await fetch(`${base}/__bench/counts`)).json();
export const resetCounts = async (base) => (await fetch(`${base}/__bench/reset`)).json();

/**
 * Two buckets of the counted build added (sign 1) or subtracted (sign -1): the authority writes D1 itself
 * within a call (the record pipeline), so a request path's D1 work is the Worker's plus the authority's.
 */
export function combine(a, b, sign = 1) {
  const out = { ...a, doRpcByMethod: { ...a.doRpcByMethod } };
  for (const [k, v] of Object.entries(b)) {
    if (typeof v === "number") out[k] = (a[k] ?? 0) + sign * v;
  }
  for (const [k, v] of Object.entries(b.doRpcByMethod ?? {})) out.doRpcByMethod[k] = (out.doRpcByMethod[k] ?? 0) + sign * v;
  for (const [k, v] of Object.entries(out.doRpcByMethod)) if (v === 0) delete out.doRpcByMethod[k];
  return out;
}

/** One bucket of the counted build (bench/workers/counting-entry.ts), divided by n operations. */
export const perOp = (b, n) => ({
  doRpc: b.doRpc / n,
  doRpcByMethod: Object.fromEntries(Object.entries(b.doRpcByMethod).map(([k, v]) => [k, v / n])),
  d1Statements: b.d1Statements / n,
  d1Batches: b.d1Batches / n,
  d1BatchStatements: b.d1BatchStatements / n,
  d1RoundTrips: (b.d1Statements + b.d1Batches + b.d1Exec) / n,
  d1RowsWritten: (b.d1RowsWritten ?? 0) / n,
});

const n2 = (x) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
/** "3 (admit 1, authenticate 2)" */
export const rpcText = (p) =>
  `${n2(p.doRpc)}${
    Object.keys(p.doRpcByMethod).length
      ? ` (${Object.entries(p.doRpcByMethod)
          .map(([k, v]) => `${k} ${n2(v)}`)
          .join(", ")})`
      : ""
  }`;
/** "2 (1 alone, 1 batch carrying 2 statements)" */
export const d1Text = (p) =>
  `${n2(p.d1RoundTrips)} (${n2(p.d1Statements)} alone, ${n2(p.d1Batches)} batch${p.d1Batches === 1 ? "" : "es"} carrying ${n2(p.d1BatchStatements)} statements)`;
export { n2 };

/**
 * A claimed destination of `rcpt` and a client ID with default permissions. The wallet is a random
 * throwaway key: wallet + chain + token is claimed once in the D1 all builds share, and other
 * phases claim fixed-seed wallets. `token` defaults to USDC on Base.
 */
export async function claimedDestination(rcpt, label, token) {
  const wallet = walletFromKey(randomBytes(32).toString("hex"));
  const t = token ?? { chainId: 8453, tokenAddress: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913" };
  const d = await claim(rcpt.api, await createDestination(rcpt.api, wallet, t, label), wallet);
  const c = await createClient(rcpt.api, d.id, label);
  return { destination: d, destinationId: d.id, walletAddress: wallet.address, clientId: c.id, secret: c.secret };
}

/** Throws with the answer unless it is `status`. */
export function expect(reply, status, what) {
  if (reply.status !== status) throw new Error(`${what}: HTTP ${reply.status} ${reply.text?.slice(0, 300)}`);
  return reply.json;
}

/**
 * Waits until the counted build's authority for `destinationId` has no record left that D1 lacks (its
 * health view; normally none, since the authority writes each through before answering), at most `timeoutMs`;
 * answers the seconds waited.
 */
export async function outboxDrained(mf, destinationId, timeoutMs = 30_000) {
  const ns = await mf.getDurableObjectNamespace("DESTINATION_AUTHORITY", "payrelay-counted");
  const stub = ns.get(ns.idFromName(destinationId));
  const started = Date.now();
  const unwritten = async () => {
    const h = await stub.health();
    return h.pendingWrites + h.failedWrites;
  };
  while ((await unwritten()) > 0) {
    if (Date.now() - started > timeoutMs) throw new Error(`outbox of ${destinationId} not drained within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return (Date.now() - started) / 1000;
}
