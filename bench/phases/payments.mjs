// Payment submission and verification against the bench's local chain (Hardhat, Demo USD):
// real ERC-20 transfers carrying each request's payment reference, then
// `POST /v1/requests/{id}/payments` with the hash. Measures ms per submission, the
// JSON-RPC calls one verification makes (counted by bench/lib/chain.mjs's proxy) and the
// storage round trips per submission on the counted build.
import { paymentReference, sendAndWait, transferCalldata } from "../../scripts/chain/evm.mjs";
import {
  claimedDestination,
  combine,
  d1Text,
  expect,
  n2,
  outboxDrained,
  perOp,
  readCounts,
  resetCounts,
  rpcText,
  timed,
} from "../lib/paths.mjs";
import { CREATE_BODY, orchestrator, recipient } from "../lib/setup.mjs";

export const name = "payments";
/** run.mjs starts the local chain (before workerd) only when a phase asks for it. */
export const chain = true;

const int = (v, fallback) => (v ? Number(v) : fallback);
const SEQUENTIAL = int(process.env.BENCH_PAY_SEQUENTIAL, 30);
const PARALLEL = int(process.env.BENCH_PAY_PARALLEL, 40);
const IN_FLIGHT = 4;
const COUNTED = int(process.env.BENCH_PAY_COUNTED, 20);
// CREATE_BODY's 12.50 USDC in the Demo token's 6 decimals.
const AMOUNT_MINOR = 12_500_000n;

/** n incoming requests on `dest`, each paid on chain with its reference; [{ id, txHash }]. */
async function paidOnChain(ctx, base, dest, n, payer) {
  const o = orchestrator(base, dest.secret);
  const out = [];
  for (let i = 0; i < n; i++) {
    const { id } = expect(await o(`/v1/destinations/${dest.destinationId}/requests`, { body: CREATE_BODY }), 201, "create");
    const receipt = await sendAndWait(ctx.chain.rpcUrl, {
      from: payer,
      to: ctx.chain.tokenAddress,
      data: transferCalldata(dest.walletAddress, AMOUNT_MINOR, paymentReference(id)),
    });
    if (receipt.status !== "0x1") throw new Error(`payments: transfer for ${id} reverted`);
    out.push({ id, txHash: receipt.transactionHash });
  }
  return out;
}

/** Submits each hash; every answer must be 202 with the request paid. */
const submitter = (base, dest, paid) => {
  const o = orchestrator(base, dest.secret);
  return async (i) => {
    const json = expect(await o(`/v1/requests/${paid[i].id}/payments`, { body: { txHash: paid[i].txHash } }), 202, "submit payment");
    if (json.status !== "paid") throw new Error(`payments: ${paid[i].id} is ${json.status} after its payment, not paid`);
  };
};

const rpcPerVerification = (counts, n) => ({
  total: Object.values(counts.byMethod).reduce((a, b) => a + b, 0) / n,
  posts: counts.posts / n,
  upstreamMs: counts.upstreamMs / n,
  byMethod: Object.fromEntries(Object.entries(counts.byMethod).map(([k, v]) => [k, v / n])),
});

export async function run(ctx) {
  const t0 = Date.now();
  const { chain, urls, log } = ctx;
  if (!chain) throw new Error("payments: no local chain (run.mjs starts one for phases exporting chain = true)");
  const token = { chainId: chain.chainId, tokenAddress: chain.tokenAddress, tokenSymbol: "USDC", tokenDecimals: 6 };
  const payer = chain.accounts[1];
  const app = await claimedDestination(ctx.rcpt, "Bench payments", token);
  const countedRcpt = await recipient(urls.counted);
  const counted = await claimedDestination(countedRcpt, "Bench payments counted", token);

  let started = Date.now();
  const seq = await paidOnChain(ctx, urls.app, app, SEQUENTIAL, payer);
  const par = await paidOnChain(ctx, urls.app, app, PARALLEL, payer);
  const cnt = await paidOnChain(ctx, urls.counted, counted, COUNTED, payer);
  const setupSeconds = (Date.now() - started) / 1000;
  log(`payments: ${SEQUENTIAL + PARALLEL + COUNTED} requests created and paid on chain in ${setupSeconds.toFixed(1)} s`);

  chain.proxy.reset();
  const sequential = await timed(SEQUENTIAL, 1, submitter(urls.app, app, seq));
  sequential.rpc = rpcPerVerification(chain.proxy.counts(), SEQUENTIAL);
  chain.proxy.reset();
  const parallel = await timed(PARALLEL, IN_FLIGHT, submitter(urls.app, app, par));
  parallel.rpc = rpcPerVerification(chain.proxy.counts(), PARALLEL);
  log(
    `payments: submission p50 ${sequential.p50.toFixed(1)} / p99 ${sequential.p99.toFixed(1)} ms one at a time, ${parallel.p50.toFixed(1)} / ${parallel.p99.toFixed(1)} ms at ${IN_FLIGHT} in flight; RPC per verification ${JSON.stringify(sequential.rpc.byMethod)}`,
  );

  // Counted: the setup creates' outbox drained first, so the alarm's later D1 work is the payments' alone.
  await outboxDrained(ctx.mf, counted.destinationId);
  await resetCounts(urls.counted);
  chain.proxy.reset();
  await timed(COUNTED, 1, submitter(urls.counted, counted, cnt));
  const c = await readCounts(urls.counted);
  const waitedSeconds = await outboxDrained(ctx.mf, counted.destinationId);
  const after = await readCounts(urls.counted);
  const storage = c.objectStorage;
  const trips = {
    n: COUNTED,
    request: perOp(combine(c.worker, c.object), COUNTED),
    deferred: { ...perOp(combine(after.object, c.object, -1), COUNTED), alarms: after.objectStorage.alarms, waitedSeconds },
    object: { sqlExec: storage.sqlExec / COUNTED, transactionSync: storage.transactionSync / COUNTED },
    rpc: rpcPerVerification(chain.proxy.counts(), COUNTED),
  };
  log(`payments: counted build, per submission ${JSON.stringify(trips)}`);

  // Every request the bench paid must read back paid.
  const statuses = {};
  for (const [base, dest, list] of [
    [urls.app, app, [...seq, ...par]],
    [urls.counted, counted, cnt],
  ]) {
    const o = orchestrator(base, dest.secret);
    for (const { id } of list) {
      const s = expect(await o(`/v1/requests/${id}`), 200, "read back").status;
      statuses[s] = (statuses[s] ?? 0) + 1;
    }
  }
  return {
    seconds: (Date.now() - t0) / 1000,
    chainSeconds: chain.startSeconds,
    setupSeconds,
    sequential,
    parallel,
    inFlight: IN_FLIGHT,
    trips,
    statuses,
  };
}

const f1 = (x) => x.toFixed(1);
const methods = (r) =>
  Object.entries(r.byMethod)
    .map(([k, v]) => `${k} ${n2(v)}`)
    .join(", ");

export function report(d) {
  const total = d.sequential.n + d.parallel.n + d.trips.n;
  const allPaid = (d.statuses.paid ?? 0) === total;
  const targets = [
    {
      target: "payment submission + verification, ms one at a time (p50 / p99)",
      value: `${f1(d.sequential.p50)} / ${f1(d.sequential.p99)} ms`,
      ok: null,
    },
    { target: "JSON-RPC calls per payment verification", value: `${n2(d.sequential.rpc.total)} (${methods(d.sequential.rpc)})`, ok: null },
    {
      target: "storage round trips per payment submission",
      value: `${rpcText(d.trips.request)} DO RPC; ${n2(d.trips.request.d1RoundTrips)} D1 (+ ${n2(d.trips.deferred.d1RoundTrips)} later)`,
      ok: null,
    },
    { target: "every paid request reads back paid", value: `${d.statuses.paid ?? 0} of ${total}`, ok: allPaid },
  ];
  const L = [];
  const row = (...c) => L.push(`| ${c.join(" | ")} |`);
  L.push("## Payments: submission and verification on the local chain", "");
  row(
    "run",
    "submissions",
    "ms p50 / p99 / max",
    "submissions/s",
    "JSON-RPC calls per verification",
    "HTTP posts to the RPC",
    "Hardhat's answer time, ms per verification (summed over its calls)",
  );
  row("---", "---:", "---:", "---:", "---", "---:", "---:");
  for (const [label, r] of [
    ["one at a time", d.sequential],
    [`${d.inFlight} in flight`, d.parallel],
  ])
    row(
      label,
      r.n,
      `${f1(r.p50)} / ${f1(r.p99)} / ${f1(r.max)}`,
      f1(r.opsPerSecond),
      `${n2(r.rpc.total)}: ${methods(r.rpc)}`,
      n2(r.rpc.posts),
      f1(r.rpc.upstreamMs),
    );
  L.push("");
  const t = d.trips;
  row(
    "per submission (counted build, one at a time)",
    "DO RPCs",
    "D1 round trips (request path)",
    "later, the authority (retries, housekeeping)",
    "inside the authority",
  );
  row("---", "---", "---", "---", "---");
  row(
    `${t.n} submissions`,
    rpcText(t.request),
    d1Text(t.request),
    `${d1Text(t.deferred)}; ${t.deferred.alarms} alarm run(s), drained ${t.deferred.waitedSeconds.toFixed(1)} s after`,
    `${n2(d.trips.object.transactionSync)} transactionSync, ${n2(d.trips.object.sqlExec)} sql.exec`,
  );
  L.push("");
  L.push(
    `How measured: the bench starts a Hardhat node (chain 31337, ${f1(d.chainSeconds)} s including the Demo USD deploy and mints, scripts/chain/local-chain.mjs) before workerd and gives the Worker a counting JSON-RPC proxy on 127.0.0.1 as \`CHAIN_RPC_URLS\`. For each request an orchestrator creates an incoming 12.50 USDC request on a destination of the chain's Demo USD token, a funded account sends a real ERC-20 \`transfer\` with the request's payment reference appended (as the pay page does), mined at once (automine; 1 confirmation required on 31337); setting up ${total} such payments took ${f1(d.setupSeconds)} s and is not in the figures. Then each hash goes to \`POST /v1/requests/{id}/payments\` (answer 202, status paid): ${d.sequential.n} one at a time, ${d.parallel.n} at ${d.inFlight} in flight, timed from the Node client. RPC calls are the proxy's count divided by submissions. Round trips: ${d.trips.n} more on the counted build, the Worker's D1 and authority calls, and the authority's own D1 write-through within the call, divided by submissions; then anything the authority writes later (only a refused write would) divided likewise. Final statuses: ${Object.entries(
      d.statuses,
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(", ")}. The phase took ${f1(d.seconds)} s, plus ${f1(d.chainSeconds)} s to start the chain before workerd.`,
  );
  return { targets, markdown: L.join("\n") };
}
