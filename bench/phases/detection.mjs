// Detected payments on the bench's local chain: how long from a transfer being mined
// (1 confirmation) until its request reads paid, with nobody submitting it, and what one watcher
// poll costs in RPC with 1, 100 and 1,000 watched wallets (target: one eth_getLogs per
// 1,000-address chunk, whatever the number of destinations).
import { paymentReference, rpc, sendAndWait, transferCalldata } from "../../scripts/chain/evm.mjs";
import { claimedDestination, expect, quantile } from "../lib/paths.mjs";
import { CREATE_BODY, orchestrator } from "../lib/setup.mjs";

export const name = "detection";
export const chain = true;

const PAYMENTS = Number(process.env.BENCH_DETECT_PAYMENTS || 20);
const AMOUNT_MINOR = 12_500_000n;
const WALLET_COUNTS = [1, 100, 1_000];
const f1 = (x) => x.toFixed(1);

/** The app build's watcher of (chain, token), called over Miniflare's RPC. */
async function watcherOf(mf, target) {
  const ns = await mf.getDurableObjectNamespace("CHAIN_WATCHER", "payrelay");
  return ns.get(ns.idFromName(`${target.chainId}:${target.token.toLowerCase()}`));
}

/** `n` destinations on (chain, `token`), each with one open incoming request, straight into the shared D1. */
async function seedWatched(db, chainId, token, from, to) {
  for (let i = from; i < to; i += 50) {
    const batch = [];
    for (let n = i; n < Math.min(to, i + 50); n++) {
      const id = `dst_detect${String(n).padStart(6, "0")}`;
      batch.push(
        db
          .prepare(
            `INSERT INTO destinations (id, user_id, chain_id, wallet_address, token_address, token_symbol, token_decimals, status, created_at)
             VALUES (?, 'usr_detectbench', ?, ?, ?, 'USDC', 6, 'claimed', 0)`,
          )
          .bind(id, chainId, `0x${(n + 1).toString(16).padStart(40, "0")}`, token),
        db
          .prepare(
            `INSERT INTO requests (id, destination_id, direction, amount_minor, currency, decimals, status, created_by_type, created_at, updated_at)
             VALUES (?, ?, 'incoming', '1', 'USDC', 6, 'pending', 'manual', 0, 0)`,
          )
          .bind(`req_detect${String(n).padStart(6, "0")}`, id),
      );
    }
    await db.batch(batch);
  }
}

export async function run(ctx) {
  const { chain, urls, mf, db, log } = ctx;
  const target = { chainId: chain.chainId, token: chain.tokenAddress.toLowerCase() };
  const token = { chainId: chain.chainId, tokenAddress: chain.tokenAddress, tokenSymbol: "USDC", tokenDecimals: 6 };
  const dest = await claimedDestination(ctx.rcpt, "Bench detection", token);
  const o = orchestrator(urls.app, dest.secret);
  const payer = chain.accounts[2];
  // The watcher polls on its alarm (1 s on the local chain), as under `wrangler dev` or the cron.
  const watcher = await watcherOf(mf, target);
  await watcher.start(target);
  const latencies = [];
  for (let i = 0; i < PAYMENTS; i++) {
    const { id } = expect(await o(`/v1/destinations/${dest.destinationId}/requests`, { body: CREATE_BODY }), 201, "create");
    const data = transferCalldata(dest.walletAddress, AMOUNT_MINOR, paymentReference(id));
    const receipt = await sendAndWait(chain.rpcUrl, { from: payer, to: chain.tokenAddress, data });
    const mined = Date.now(); // automine: the receipt exists once the block does (1 confirmation)
    if (receipt.status !== "0x1") throw new Error(`detection: transfer for ${id} reverted`);
    for (;;) {
      const { status } = expect(await o(`/v1/requests/${id}`), 200, "read");
      if (status === "paid") break;
      if (Date.now() - mined > 60_000) throw new Error(`detection: ${id} not paid 60 s after its transfer`);
      await new Promise((r) => setTimeout(r, 25));
    }
    latencies.push(Date.now() - mined);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  log(`detection: mined → paid p50 ${quantile(sorted, 0.5)} ms, p99 ${quantile(sorted, 0.99)} ms over ${PAYMENTS}`);

  // RPC per poll: a token nobody pays (no logs), so each poll is the scan alone; a block mined before each poll.
  const idle = { chainId: chain.chainId, token: "0x00000000000000000000000000000000000000d1" };
  await db
    .prepare("INSERT OR IGNORE INTO users (id, email, password_hash, created_at) VALUES ('usr_detectbench', 'detect@bench.local', 'x', 0)")
    .run();
  const idleWatcher = await watcherOf(mf, idle);
  const perPoll = [];
  let seeded = 0;
  for (const wallets of WALLET_COUNTS) {
    await seedWatched(db, idle.chainId, idle.token, seeded, wallets);
    seeded = wallets;
    await rpc(chain.rpcUrl, "evm_mine");
    const polled = await idleWatcher.poll(idle);
    if (polled.watched !== wallets) throw new Error(`detection: ${polled.watched} wallets watched, ${wallets} seeded`);
    perPoll.push({ wallets, ...polled.rpc });
  }
  log(
    `detection: RPC per poll ${perPoll.map((p) => `${p.wallets} wallets: ${p.calls} calls (${p.getLogs} eth_getLogs) in ${p.requests} HTTP`).join("; ")}`,
  );
  return { n: PAYMENTS, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1), perPoll };
}

export function report(d) {
  const chunks = (w) => Math.ceil(w / 1_000);
  const targets = [
    { target: "detection latency, mined → paid at 1 confirmation (p50 / p99)", value: `${d.p50} / ${d.p99} ms`, ok: d.p99 <= 30_000 },
    {
      target: "eth_getLogs per poll with 1 / 100 / 1,000 watched wallets (≤ one per 1,000-address chunk)",
      value: d.perPoll.map((p) => p.getLogs).join(" / "),
      ok: d.perPoll.every((p) => p.getLogs <= chunks(p.wallets)),
    },
  ];
  const L = ["## Detection: payments nobody submits, on the local chain", ""];
  L.push("| watched wallets | JSON-RPC calls per poll | of which eth_getLogs | HTTP requests per poll |", "| ---: | ---: | ---: | ---: |");
  for (const p of d.perPoll) L.push(`| ${p.wallets} | ${p.calls} | ${p.getLogs} | ${p.requests} |`);
  L.push(
    "",
    `Latency: ${d.n} requests, each paid by a real transfer with its reference and never submitted; timed from the transfer's receipt (automine: 1 confirmation) until \`GET /v1/requests/{id}\` reads paid, polled every 25 ms: p50 ${d.p50} ms, p99 ${d.p99} ms, max ${d.max} ms. The watcher polls on its alarm every ${f1(1)} s on the local chain (5 s elsewhere), so the latency is mostly waiting for the next poll; each payment is sent right after the previous one read paid, that is just after a poll, so these figures sit near one full interval, the worst case. RPC per poll: the watcher of a token nobody pays, with 1, 100 and 1,000 destinations seeded into D1 with one open request each, polled once after a new block.`,
  );
  return { targets, markdown: L.join("\n") };
}
