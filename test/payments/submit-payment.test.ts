import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, it } from "vitest";
import { hostOf, wakeAuthority } from "../helpers/authority";
import { database } from "../../src/db/client";
import { destinations, requests } from "../../src/db/schema";
import { sha256Hex } from "../../src/lib/crypto";
import type { DestinationAuthority } from "../../src/authority/destination-authority";
import { authority } from "../../src/authority/stub";
import { submitPayment } from "../../src/payments/submit-payment";
import { chain, downRpcUrl } from "../helpers/chain";
import { chainTenant, d1Payments, incomingRequest, pay, submit, type ChainTenant } from "../helpers/payments";

// The service with the Worker's env, where a test needs another chain configuration than the run's.
async function rows(t: ChainTenant, requestId: string) {
  const db = database(env.DB);
  const d = (await db.select().from(destinations).where(eq(destinations.id, t.dst)).get())!;
  const r = (await db.select().from(requests).where(eq(requests.id, requestId)).get())!;
  return { d, r };
}

const actor = (t: ChainTenant) => ({ type: "client" as const, clientId: t.shop.id, secretHash: "" });
const stub = (t: ChainTenant) => authority(env, t.dst) as DurableObjectStub<DestinationAuthority>;
/** The alarm's re-check, each call a minute further ahead than the last, so every confirming payment is due again. */
let minutesAhead = 0;
const recheck = (t: ChainTenant) => wakeAuthority(t.dst, ++minutesAhead * 60_000);
const readAs = async (t: ChainTenant, id: string) => (await t.shop.orchestrator(`/v1/requests/${id}`)).json;

describe("payments over time: confirmations, drops, outages, late and after-close payments", () => {
  it("a transaction short of its confirmations is processing until the alarm sees enough blocks", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const { txHash } = await pay(t, req.id, 12_500_000n);
    const { d, r } = await rows(t, req.id);
    const secretHash = await sha256Hex(t.shop.secret);
    const slowChain = { ...env, CHAIN_CONFIRMATIONS: '{"31337":3}' };
    const row = await submitPayment(slowChain, d, r, { actor: { ...actor(t), secretHash }, txHash });
    expect(row).toMatchObject({ status: "processing", amountPaidMinor: "0" });
    expect(await readAs(t, req.id)).toMatchObject({
      status: "processing",
      amountPaid: "0.000000",
      payments: [{ txHash, status: "confirming" }],
    });
    await recheck(t); // one confirmation of three: still processing
    expect(await readAs(t, req.id)).toMatchObject({ status: "processing" });
    await chain("hardhat_mine", ["0x3"]);
    await recheck(t);
    const after = await readAs(t, req.id);
    expect(after).toMatchObject({ status: "paid", amountPaid: "12.500000", payments: [{ txHash, status: "confirmed" }] });
    const events = (await t.shop.orchestrator(`/v1/requests/${req.id}/events`)).json.data;
    expect(events.map((e: { type: string }) => e.type)).toEqual(["request.created", "request.processing", "request.paid"]);
    expect(events[2].actor).toEqual({ type: "system" });
  });

  it("a confirming transaction the chain no longer knows is dropped after 3 misses a minute apart, not at the first", async ({
    expect,
  }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const { txHash } = await pay(t, req.id, 12_500_000n);
    const { d, r } = await rows(t, req.id);
    const secretHash = await sha256Hex(t.shop.secret);
    const slowChain = { ...env, CHAIN_CONFIRMATIONS: '{"31337":50}' };
    await submitPayment(slowChain, d, r, { actor: { ...actor(t), secretHash }, txHash });
    // As after a reorg, or from a node lagging behind: the recorded hash names no transaction on the chain.
    const gone = `0x${"ef".repeat(32)}`;
    const setHash = (from: string, to: string) =>
      runInDurableObject(stub(t), (_o: DestinationAuthority, state) => {
        state.storage.sql.exec("UPDATE payments SET tx_hash = ? WHERE tx_hash = ?", to, from);
      });
    const lookAt = (ms: number) => runInDurableObject(stub(t), (o: DestinationAuthority) => hostOf(o).wake(t0 + ms));
    const t0 = Date.now() + 60_000;
    await setHash(txHash, gone);
    await lookAt(0); // miss 1
    await lookAt(30_000); // too soon after the last miss: not counted
    await lookAt(60_000); // miss 2
    expect(await readAs(t, req.id)).toMatchObject({ status: "processing", payments: [{ txHash, status: "confirming" }] });
    // Seen again (another node answers): the count starts over.
    await setHash(gone, txHash);
    await lookAt(120_000);
    await setHash(txHash, gone);
    await lookAt(180_000); // miss 1
    await lookAt(240_000); // miss 2
    expect(await readAs(t, req.id)).toMatchObject({ status: "processing" });
    await lookAt(300_000); // miss 3: dropped
    expect(await readAs(t, req.id)).toMatchObject({ status: "pending", amountPaid: "0.000000", payments: [] });
    const events = (await t.shop.orchestrator(`/v1/requests/${req.id}/events`)).json.data;
    expect(events.at(-1)).toMatchObject({ type: "request.payment_dropped", actor: { type: "system" } });
    expect(await d1Payments(req.id)).toMatchObject([{ status: "dropped" }]);
  });

  it("an RPC that is down is 503 chain_unavailable and records nothing; the retry then succeeds", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const { txHash } = await pay(t, req.id, 12_500_000n);
    const { d, r } = await rows(t, req.id);
    const secretHash = await sha256Hex(t.shop.secret);
    const down = { ...env, CHAIN_RPC_URLS: JSON.stringify({ 31337: await downRpcUrl() }) };
    const failed = await submitPayment(down, d, r, { actor: { ...actor(t), secretHash }, txHash }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ status: 503, code: "chain_unavailable" });
    expect(await d1Payments(req.id)).toEqual([]);
    const stored = await runInDurableObject(stub(t), (_o: DestinationAuthority, state) =>
      state.storage.sql.exec("SELECT COUNT(*) AS n FROM payments").one(),
    );
    expect(stored.n).toBe(0);
    expect(await readAs(t, req.id)).toMatchObject({ status: "pending", payments: [] });
    expect((await submit(t, req.id, { txHash })).json.status).toBe("paid");
  });

  it("a payment after expiry pays the request late; a payment after cancel is owed back", async ({ expect }) => {
    const t = await chainTenant();
    const late = await incomingRequest(t, { expiresAt: new Date(Date.now() + 1500).toISOString() });
    const { txHash } = await pay(t, late.id, 12_500_000n);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await readAs(t, late.id)).status).toBe("expired");
    const paid = await submit(t, late.id, { txHash });
    expect(paid.json).toMatchObject({ status: "paid", paidLate: true, amountPaid: "12.500000" });

    const cancelled = await incomingRequest(t);
    await t.shop.orchestrator(`/v1/requests/${cancelled.id}/cancel`, { method: "POST" });
    const after = await submit(t, cancelled.id, { txHash: (await pay(t, cancelled.id, 12_500_000n)).txHash });
    expect(after.json).toMatchObject({ status: "cancelled", amountPaid: "12.500000", refundDue: "12.500000" });
    const events = (await t.shop.orchestrator(`/v1/requests/${cancelled.id}/events`)).json.data;
    expect(events.at(-1).type).toBe("request.payment_after_close");
  });
});
