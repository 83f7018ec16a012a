import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { paymentReference } from "../../../../src/payments/chains/payment-reference";
import { claimedDestination, newClient, signUp } from "../../../helpers/api";
import { demoToken } from "../../../helpers/chain";
import { d1Payments } from "../../../helpers/payments";
import { testWallet } from "../../../helpers/wallet";
import { cursorOf, pollWatcher, setCursor } from "../../../helpers/watch";

// The run's second chain (31338): only this file writes to it, so reverting it (a simulated reorg) disturbs
// nobody. It deployed Demo USD at the same address as 31337 (the same account's first contract).
const CHAIN = 31338;
const url = (JSON.parse(env.CHAIN_RPC_URLS) as Record<string, string>)[CHAIN]!;
const target = { chainId: CHAIN, token: demoToken };

async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(url, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = await res.json<{ result: T; error?: { message: string } }>();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

const word = (hex: string) => hex.replace(/^0x/, "").padStart(64, "0");

/** A transfer on 31338 with the request's reference, mined at once (automine); returns its block. */
async function payOn31338(to: string, amountMinor: bigint, requestId: string): Promise<number> {
  const [, from] = await rpc<string[]>("eth_accounts");
  const data = `0xa9059cbb${word(to)}${word(amountMinor.toString(16))}${paymentReference(requestId).slice(2)}`;
  const hash = await rpc<string>("eth_sendTransaction", [{ from, to: demoToken, data }]);
  const receipt = await rpc<{ blockNumber: string }>("eth_getTransactionReceipt", [hash]);
  return Number(receipt.blockNumber);
}

async function tenantOn31338() {
  const r = await signUp();
  const wallet = testWallet();
  const { id: dst } = await claimedDestination(r, wallet, {
    chainId: CHAIN,
    tokenAddress: demoToken,
    tokenSymbol: "USDC",
    tokenDecimals: 6,
  });
  const shop = await newClient(r, dst, "Shop");
  const request = async () => {
    const res = await shop.orchestrator(`/v1/destinations/${dst}/requests`, {
      body: { direction: "incoming", amount: "12.50", currency: "USDC" },
    });
    return res.json as { id: string };
  };
  const status = async (id: string) => (await shop.orchestrator(`/v1/requests/${id}`)).json as { status: string; amountPaid: string };
  return { wallet: wallet.address.toLowerCase(), request, status };
}

describe("the chain watcher across reorgs and restarts", () => {
  it("a log reorged out before its confirmations is never recorded", async ({ expect }) => {
    const t = await tenantOn31338();
    const req = await t.request();
    const slow = { CHAIN_CONFIRMATIONS: JSON.stringify({ [CHAIN]: 3 }) };
    await pollWatcher(target, slow);
    const snapshot = await rpc<string>("evm_snapshot");
    const block = await payOn31338(t.wallet, 12_500_000n, req.id);
    const early = await pollWatcher(target, slow);
    // One confirmation of three: the block is beyond the range, the cursor stays before it.
    expect(early.recorded).toBe(0);
    expect(await cursorOf(target)).toBeLessThan(block);
    await rpc("evm_revert", [snapshot]);
    for (let i = 0; i < 4; i++) await rpc("evm_mine");
    const after = await pollWatcher(target, slow);
    expect(after).toMatchObject({ found: 0, recorded: 0 });
    expect(after.to).toBeGreaterThanOrEqual(block);
    expect(await t.status(req.id)).toMatchObject({ status: "pending", amountPaid: "0.000000" });
    expect(await d1Payments(req.id)).toEqual([]);
  });

  it("after a restart no range is skipped, and a repeated range counts nothing twice", async ({ expect }) => {
    const t = await tenantOn31338();
    // 31338 is no chain we know: 12 confirmations by default; here one, as on 31337.
    const fast = { CHAIN_CONFIRMATIONS: JSON.stringify({ [CHAIN]: 1 }) };
    await pollWatcher(target, fast);
    const [first, second] = [await t.request(), await t.request()];
    await t.request(); // open, so the wallet stays watched once the two are paid
    await payOn31338(t.wallet, 12_500_000n, first.id);
    const polled = await pollWatcher(target, fast);
    expect(polled).toMatchObject({ recorded: 1 });
    const cursor = await cursorOf(target);
    expect(cursor).toBe(polled.to);
    // Paid while the watcher is down; a fresh instance (nothing in memory) starts right after the stored cursor.
    const block = await payOn31338(t.wallet, 12_500_000n, second.id);
    const restarted = await pollWatcher(target, fast);
    expect(restarted).toMatchObject({ from: cursor! + 1, recorded: 1 });
    expect(restarted.to).toBeGreaterThanOrEqual(block);
    // A crash after the hand-over but before the cursor write: the range comes again and changes nothing.
    await setCursor(target, cursor! - 1);
    const repeated = await pollWatcher(target, fast);
    expect(repeated).toMatchObject({ from: cursor, found: 2, recorded: 0 });
    for (const req of [first, second]) {
      expect(await t.status(req.id)).toMatchObject({ status: "paid", amountPaid: "12.500000" });
      expect(await d1Payments(req.id)).toHaveLength(1);
    }
  });

  it("one eth_getLogs per 1,000 watched wallets, in one batch, whatever the number of destinations", async ({ expect }) => {
    // Another (empty) token on 31338: 1,500 destinations with an open request each, straight into D1.
    const token = "0x00000000000000000000000000000000000000aa";
    const costs: number[] = [];
    await env.DB.prepare(
      "INSERT INTO users (id, email, password_hash, created_at) VALUES ('usr_bench', 'bench@example.com', 'x', 0)",
    ).run();
    for (const total of [1, 1_000, 1_500]) {
      const have = costs.length === 0 ? 0 : [1, 1_000, 1_500][costs.length - 1]!;
      const rows = [];
      for (let i = have; i < total; i++) rows.push(i);
      for (let i = 0; i < rows.length; i += 50) {
        const batch = rows.slice(i, i + 50).flatMap((n) => {
          const id = `dst_bench${String(n).padStart(8, "0")}`;
          const wallet = `0x${n.toString(16).padStart(40, "0")}`;
          return [
            env.DB.prepare(
              `INSERT INTO destinations (id, user_id, chain_id, wallet_address, token_address, token_symbol, token_decimals, status, created_at)
               VALUES (?, 'usr_bench', ?, ?, ?, 'USDC', 6, 'claimed', 0)`,
            ).bind(id, CHAIN, wallet, token),
            env.DB.prepare(
              `INSERT INTO requests (id, destination_id, direction, amount_minor, currency, decimals, status, created_by_type, created_at, updated_at)
               VALUES (?, ?, 'incoming', '1', 'USDC', 6, 'pending', 'manual', 0, 0)`,
            ).bind(`req_bench${String(n).padStart(8, "0")}`, id),
          ];
        });
        await env.DB.batch(batch);
      }
      await rpc("evm_mine"); // a new block each time, so each poll has a range to scan
      const polled = await pollWatcher({ chainId: CHAIN, token }, { CHAIN_CONFIRMATIONS: JSON.stringify({ [CHAIN]: 1 }) });
      expect(polled.watched).toBe(total);
      costs.push(polled.rpc.getLogs);
      // eth_blockNumber, then one batch of every eth_getLogs.
      expect(polled.rpc.requests).toBe(2);
    }
    expect(costs).toEqual([1, 1, 2]);
  });
});
