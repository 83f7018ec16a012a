// The record pipeline under a load that once froze a tenant: transfers between two Payrelay wallets,
// each recorded by both destinations (the payer's outgoing request marked paid by its recipient, the
// payee's incoming request submitted by its orchestrator), at several in flight while both tenants keep
// creating. Counts what the authorities still hold that D1 lacks afterwards: the target is none.
import { rpc, sendAndWait, transferCalldata } from "../../scripts/chain/evm.mjs";
import { claimedDestination, expect, timed } from "../lib/paths.mjs";
import { CREATE_BODY, orchestrator, recipient } from "../lib/setup.mjs";

export const name = "pipeline";
export const chain = true;

const PAIRS = Number(process.env.BENCH_PIPELINE_PAIRS ?? 40);
const IN_FLIGHT = 8;
const AMOUNT_MINOR = 1_000_000n; // 1.00 in Demo USD's 6 decimals

/** What an authority holds that D1 does not have yet (its health view). */
async function unwritten(mf, destinationId) {
  const ns = await mf.getDurableObjectNamespace("DESTINATION_AUTHORITY", "payrelay");
  const h = await ns.get(ns.idFromName(destinationId)).health();
  return h.pendingWrites + h.failedWrites;
}

export async function run(ctx) {
  const t0 = Date.now();
  const { chain, urls } = ctx;
  const token = { chainId: chain.chainId, tokenAddress: chain.tokenAddress, tokenSymbol: "USDC", tokenDecimals: 6 };
  const [aliceRcpt, bobRcpt] = [await recipient(urls.app), await recipient(urls.app)];
  const alice = await claimedDestination(aliceRcpt, "Pipeline Alice", token);
  const bob = await claimedDestination(bobRcpt, "Pipeline Bob", token);
  const [aliceWallet, bobWallet] = [alice.walletAddress.toLowerCase(), bob.walletAddress.toLowerCase()];
  // Bob's wallet sends: the node impersonates it, with gas money and tokens from a funded account.
  await rpc(chain.rpcUrl, "hardhat_impersonateAccount", [bobWallet]);
  await rpc(chain.rpcUrl, "hardhat_setBalance", [bobWallet, "0x56BC75E2D63100000"]);
  const funding = transferCalldata(bobWallet, AMOUNT_MINOR * BigInt(PAIRS));
  await sendAndWait(chain.rpcUrl, { from: chain.accounts[2], to: chain.tokenAddress, data: funding });

  const aliceShop = orchestrator(urls.app, alice.secret);
  const bobShop = orchestrator(urls.app, bob.secret);
  const pairs = [];
  for (let i = 0; i < PAIRS; i++) {
    const payee = { name: "Alice", walletAddress: aliceWallet };
    const out = expect(
      await bobRcpt.api(`/api/destinations/${bob.destinationId}/requests`, {
        body: { direction: "outgoing", amount: "1.00", currency: "USDC", payee },
      }),
      201,
      "outgoing",
    );
    expect(await bobRcpt.api(`/api/destinations/${bob.destinationId}/requests/${out.id}/approve`, { method: "POST" }), 200, "approve");
    const incoming = { direction: "incoming", amount: "1.00", currency: "USDC", payer: { name: "Bob", walletAddress: bobWallet } };
    const inc = expect(await aliceShop(`/v1/destinations/${alice.destinationId}/requests`, { body: incoming }), 201, "incoming");
    const receipt = await sendAndWait(chain.rpcUrl, {
      from: bobWallet,
      to: chain.tokenAddress,
      data: transferCalldata(aliceWallet, AMOUNT_MINOR),
    });
    pairs.push({ outgoing: out.id, incoming: inc.id, txHash: receipt.transactionHash });
  }
  await rpc(chain.rpcUrl, "hardhat_stopImpersonatingAccount", [bobWallet]);

  // Both sides of each transfer at once, in either order, beside creates on both tenants.
  const answers = { paid: 0, other: {} };
  const note = (json) => {
    if (json.status === "paid") answers.paid++;
    else answers.other[json.status ?? json.code] = (answers.other[json.status ?? json.code] ?? 0) + 1;
  };
  const load = await timed(PAIRS, IN_FLIGHT, async (i) => {
    const p = pairs[i];
    // Started together: which side reaches its authority first differs from one transfer to the next.
    const [b, a] = await Promise.all([
      bobRcpt.api(`/api/destinations/${bob.destinationId}/requests/${p.outgoing}/mark-paid`, { body: { txHash: p.txHash } }),
      aliceShop(`/v1/requests/${p.incoming}/payments`, { body: { txHash: p.txHash } }),
      aliceShop(`/v1/destinations/${alice.destinationId}/requests`, { body: CREATE_BODY }),
      bobShop(`/v1/destinations/${bob.destinationId}/requests`, { body: CREATE_BODY }),
    ]);
    note(b.json);
    note(a.json);
  });
  const stuck = (await unwritten(ctx.mf, alice.destinationId)) + (await unwritten(ctx.mf, bob.destinationId));
  // Read back: what the events say is what GET says.
  let readPaid = 0;
  for (const p of pairs) {
    if (expect(await aliceShop(`/v1/requests/${p.incoming}`), 200, "read").status === "paid") readPaid++;
    const out = expect(await bobRcpt.api(`/api/destinations/${bob.destinationId}/requests/${p.outgoing}`), 200, "read");
    if (out.status === "paid") readPaid++;
  }
  return { seconds: (Date.now() - t0) / 1000, pairs: PAIRS, inFlight: IN_FLIGHT, load, answers, stuck, readPaid };
}

export function report(d) {
  const targets = [
    { target: "two-tenant transfers under load: records stuck outside D1", value: String(d.stuck), ok: d.stuck === 0 },
    { target: "both sides of every transfer read back paid", value: `${d.readPaid} of ${2 * d.pairs}`, ok: d.readPaid === 2 * d.pairs },
  ];
  const other = Object.entries(d.answers.other)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ");
  const markdown = [
    "## Record pipeline: transfers between two tenants under load",
    "",
    `${d.pairs} transfers from tenant B's wallet to tenant A's, each recorded by both: B's recipient marks B's approved outgoing request paid with the hash, A's orchestrator submits it for A's incoming request (which names B's wallet as the payer), both at once, ${d.inFlight} transfers in flight, each beside one create on each tenant. Answers: ${d.answers.paid} paid${other ? `, ${other}` : ""}; ${d.load.opsPerSecond.toFixed(1)} transfers/s, p50 ${d.load.p50.toFixed(1)} ms, p99 ${d.load.p99.toFixed(1)} ms per transfer (all four calls). Records the two authorities hold that D1 lacks afterwards: ${d.stuck}. Read back paid: ${d.readPaid} of ${2 * d.pairs}. Phase: ${d.seconds.toFixed(1)} s.`,
  ].join("\n");
  return { targets, markdown };
}
