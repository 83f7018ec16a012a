import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { accounts, transfer } from "../helpers/chain";
import { chainTenant, impersonate, incomingRequest, pay, submit, type ChainTenant } from "../helpers/payments";

/** Refunds (seed 003; API v1.2 "What the seeds still ask"), on the run's local chain. */
const refund = (t: ChainTenant, requestId: string, body: Record<string, unknown>) =>
  t.r.api(`/api/destinations/${t.dst}/requests/${requestId}/refunds`, { body });

/** The destination's wallet sends Demo USD back (hardhat impersonates it: the test holds no key for a fresh wallet). */
async function sendBack(t: ChainTenant, to: string, amountMinor: bigint) {
  await impersonate(t.wallet);
  return transfer({ from: t.wallet, to, amountMinor });
}

/** A request of `amount` paid with `paidMinor` by funded account #4, submitted with its reference. */
async function paidRequest(amount: string, paidMinor: bigint) {
  const t = await chainTenant();
  const req = await incomingRequest(t, { amount });
  const { from, txHash } = await pay(t, req.id, paidMinor);
  const submitted = await submit(t, req.id, { txHash });
  if (submitted.status !== 202) throw new Error(`submit: ${submitted.status} ${submitted.text}`);
  return { t, req, payer: from, paidTx: txHash };
}

const d1Refunds = async (requestId: string) =>
  (await env.DB.prepare("SELECT amount_minor, tx_hash, to_address, note FROM refunds WHERE request_id = ?").bind(requestId).all()).results;

describe("refunds", () => {
  it("a full refund, verified on-chain: 201, the request shows it (also over /v1), its event and audit entry", async ({ expect }) => {
    const { t, req, payer } = await paidRequest("12.50", 12_500_000n);
    const txHash = await sendBack(t, payer, 12_500_000n);
    const res = await refund(t, req.id, { amount: "12.50", txHash });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.stringMatching(/^rfd_/),
      amount: "12.500000",
      txHash,
      chainId: 31337,
      to: payer,
      note: null,
      status: "confirmed",
      createdAt: expect.any(String),
    });
    const view = (await t.shop.orchestrator(`/v1/requests/${req.id}`)).json;
    expect(view).toMatchObject({ status: "paid", amountPaid: "12.500000", refunded: "12.500000", refunds: [res.json] });
    expect(view.overpaidBy).toBeUndefined();
    expect(await d1Refunds(req.id)).toEqual([{ amount_minor: "12500000", tx_hash: txHash, to_address: payer, note: null }]);
    const events = (await t.r.api(`/api/destinations/${t.dst}/requests/${req.id}/events`)).json.data;
    expect(events.at(-1)).toMatchObject({ type: "request.refunded", actor: { type: "user" }, data: { refundId: res.json.id, txHash } });
    const audit = (await t.r.api(`/api/destinations/${t.dst}/audit`)).json.data;
    expect(audit[0]).toMatchObject({
      action: "request.refunded",
      target: { type: "request", id: req.id },
      details: { amount: "12.500000" },
    });
    // Nothing is left to refund now.
    const more = await refund(t, req.id, { amount: "0.01", note: "again" });
    expect([more.status, more.json.code]).toEqual([409, "invalid_state"]);
  });

  it("a partial refund of an overpayment shrinks overpaidBy; a note refunds the rest; the same transaction again is the same refund", async ({
    expect,
  }) => {
    const { t, req, payer } = await paidRequest("12.50", 15_000_000n);
    expect((await t.shop.orchestrator(`/v1/requests/${req.id}`)).json.overpaidBy).toBe("2.500000");
    const txHash = await sendBack(t, payer, 1_000_000n);
    const first = await refund(t, req.id, { amount: "1", txHash });
    expect(first.status).toBe(201);
    const again = await refund(t, req.id, { amount: "1", txHash });
    expect([again.status, again.json.id, again.headers.get("idempotent-replayed")]).toEqual([201, first.json.id, "true"]);
    expect((await t.shop.orchestrator(`/v1/requests/${req.id}`)).json).toMatchObject({ overpaidBy: "1.500000", refunded: "1.000000" });
    const byNote = await refund(t, req.id, { amount: "1.50", note: "Sent back by bank transfer" });
    expect(byNote.json).toMatchObject({ amount: "1.500000", txHash: null, to: null, note: "Sent back by bank transfer" });
    const after = (await t.shop.orchestrator(`/v1/requests/${req.id}`)).json;
    expect(after).toMatchObject({ status: "paid", amountPaid: "15.000000", refunded: "2.500000" });
    expect(after.overpaidBy).toBeUndefined();
    expect(after.refunds.map((r: { id: string }) => r.id)).toEqual([first.json.id, byNote.json.id]);
  });

  it("a cancelled request paid anyway: refundDue shrinks by each refund and disappears once all is back", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t, { amount: "5.00" });
    await t.shop.orchestrator(`/v1/requests/${req.id}/cancel`, { method: "POST" });
    const { from, txHash: paid } = await pay(t, req.id, 5_000_000n);
    await submit(t, req.id, { txHash: paid });
    expect((await t.shop.orchestrator(`/v1/requests/${req.id}`)).json.refundDue).toBe("5.000000");
    await refund(t, req.id, { amount: "2", txHash: await sendBack(t, from, 2_000_000n) });
    expect((await t.shop.orchestrator(`/v1/requests/${req.id}`)).json).toMatchObject({ status: "cancelled", refundDue: "3.000000" });
    await refund(t, req.id, { amount: "3", txHash: await sendBack(t, from, 3_000_000n) });
    const done = (await t.shop.orchestrator(`/v1/requests/${req.id}`)).json;
    expect(done).toMatchObject({ refunded: "5.000000" });
    expect(done.refundDue).toBeUndefined();
  });

  it("a refund above what was paid is refused (400 naming amount), by note or by transaction, and records nothing", async ({ expect }) => {
    const { t, req, payer } = await paidRequest("12.50", 12_500_000n);
    const byNote = await refund(t, req.id, { amount: "12.51", note: "too much" });
    expect(byNote.status).toBe(400);
    expect(byNote.json).toMatchObject({
      code: "validation_failed",
      errors: [{ path: "amount", message: "At most 12.500000 USDC can be refunded: what was paid, less earlier refunds." }],
    });
    // The wallet holds 12.50 from the payment; 10 more from elsewhere lets it send back 20.
    await pay(t, undefined, 10_000_000n, 5);
    const txHash = await sendBack(t, payer, 20_000_000n);
    const byTx = await refund(t, req.id, { amount: "20", txHash });
    expect([byTx.status, byTx.json.errors[0].path]).toEqual([400, "amount"]);
    // An amount that is not what the transaction sent is refused before anything else.
    const wrong = await refund(t, req.id, { amount: "2", txHash });
    expect([wrong.status, wrong.json.code, wrong.json.errors]).toEqual([
      422,
      "payment_mismatch",
      [{ path: "amount", message: "Enter 20.000000, what the transaction sent back." }],
    ]);
    expect(await d1Refunds(req.id)).toEqual([]);
    expect((await t.shop.orchestrator(`/v1/requests/${req.id}`)).json.refunded).toBeUndefined();
  });

  it("a transfer from another wallet, or to a wallet that did not pay, is refused (422 payment_mismatch)", async ({ expect }) => {
    const { t, req, payer } = await paidRequest("12.50", 12_500_000n);
    const [, , , , , stranger, other] = await accounts();
    const fromOther = await transfer({ from: stranger!, to: payer, amountMinor: 1_000_000n });
    const res = await refund(t, req.id, { amount: "1", txHash: fromOther });
    expect([res.status, res.json.code]).toEqual([422, "payment_mismatch"]);
    expect(res.json.detail).toMatch(/^Wrong sender: .*not sent from the destination's wallet/);
    const toOther = await sendBack(t, other!, 1_000_000n);
    const res2 = await refund(t, req.id, { amount: "1", txHash: toOther });
    expect([res2.status, res2.json.code]).toEqual([422, "payment_mismatch"]);
    expect(res2.json.detail).toMatch(/^Wrong recipient: /);
    expect(await d1Refunds(req.id)).toEqual([]);
  });

  it("one transaction refunds one request (409 payment_already_used); an outgoing or unpaid request takes none (409)", async ({
    expect,
  }) => {
    const { t, req, payer } = await paidRequest("1.00", 1_000_000n);
    const other = await incomingRequest(t, { amount: "1.00" });
    const { txHash: paid } = await pay(t, other.id, 1_000_000n);
    await submit(t, other.id, { txHash: paid });
    const txHash = await sendBack(t, payer, 1_000_000n);
    expect((await refund(t, req.id, { amount: "1", txHash })).status).toBe(201);
    const twice = await refund(t, other.id, { amount: "1", txHash });
    expect([twice.status, twice.json.code]).toEqual([409, "payment_already_used"]);
    const unpaid = await incomingRequest(t);
    expect((await refund(t, unpaid.id, { amount: "1", note: "x" })).json.code).toBe("invalid_state");
    const out = await t.shop.orchestrator(`/v1/destinations/${t.dst}/requests`, {
      body: {
        direction: "outgoing",
        amount: "1.00",
        currency: "GBP",
        payee: { name: "Ada", sortCode: "123456", accountNumber: "12345678" },
      },
    });
    expect((await refund(t, out.json.id, { amount: "1", note: "x" })).json.code).toBe("invalid_state");
  });

  it.for([
    [{ amount: "1" }, "txHash", "Give the refund's transaction hash, or a note saying how it was paid back."],
    [{ amount: "1.0000001", note: "x" }, "amount", "USDC allows at most 6 decimal places."],
    [{ amount: "-1", note: "x" }, "amount", 'Enter an amount greater than zero as a decimal string such as "2.50".'],
    [{ amount: "1", txHash: "0x12" }, "txHash", "Must be a 0x-prefixed 32-byte hex transaction hash."],
  ] as const)("refuses %o with 400 naming %s", async ([body, path, message], { expect }) => {
    const { t, req } = await paidRequest("1.00", 1_000_000n);
    const res = await refund(t, req.id, body);
    expect([res.status, res.json.code]).toEqual([400, "validation_failed"]);
    expect(res.json.errors).toEqual([{ path, message }]);
  });
});
