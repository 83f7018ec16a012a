import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { accounts, deployOtherToken, transfer } from "../helpers/chain";
import { chainTenant, d1Payments, incomingRequest, linkToken, pay, submit, submitPublic } from "../helpers/payments";

// Verified payments against the run's real hardhat node: every test pays a fresh destination wallet.
describe("submitting payments for incoming requests", () => {
  it("an exact payment with the reference makes the request paid, listed with its transfer, stored once in D1", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const { from, txHash } = await pay(t, req.id, 12_500_000n);
    const res = await submit(t, req.id, { txHash });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ status: "paid", amount: "12.500000", amountPaid: "12.500000" });
    expect(res.json.overpaidBy).toBeUndefined();
    expect(res.json.payments).toEqual([
      {
        txHash,
        logIndex: 0,
        chainId: 31337,
        from,
        amount: "12.500000",
        blockNumber: expect.any(Number),
        status: "confirmed",
        confirmedAt: expect.any(String),
        declared: false,
        note: null,
        detectedBy: null, // submitted, not found by the chain watcher
      },
    ]);
    expect((await t.shop.orchestrator(`/v1/requests/${req.id}`)).json).toEqual(res.json);
    expect(await d1Payments(req.id)).toMatchObject([{ tx_hash: txHash, amount_minor: "12500000", status: "confirmed" }]);
    const events = (await t.shop.orchestrator(`/v1/requests/${req.id}/events`)).json.data;
    expect(events.map((e: { type: string }) => e.type)).toEqual(["request.created", "request.paid"]);
    expect(events[1].actor).toEqual({ type: "client", clientId: t.shop.id });
  });

  it("a partial payment through the link leaves what is due; a second completes it; a repeat changes nothing", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const token = await linkToken(t, req.id);
    const first = await pay(t, req.id, 5_000_000n);
    const partial = await submitPublic(token, { txHash: first.txHash });
    expect(partial.status).toBe(202);
    expect(partial.json).toMatchObject({ status: "partially_paid", amountPaid: "5.000000", amountDue: "7.500000" });
    expect(partial.json.payments).toEqual([{ txHash: first.txHash, status: "confirmed" }]);
    expect(partial.json.pay.amountDue).toBe("7.500000");
    const second = await pay(t, req.id, 7_500_000n);
    const paid = await submitPublic(token, { txHash: second.txHash });
    expect(paid.json).toMatchObject({ status: "paid", amountPaid: "12.500000", amountDue: "0.000000" });
    const again = await submitPublic(token, { txHash: second.txHash });
    expect(again.status).toBe(202);
    expect(again.json).toEqual(paid.json);
    const events = (await t.shop.orchestrator(`/v1/requests/${req.id}/events`)).json.data;
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      "request.created",
      "payment_link.created",
      "request.partially_paid",
      "request.paid",
    ]);
    expect(events[2].actor).toEqual({ type: "payer" });
    expect(await d1Payments(req.id)).toHaveLength(2);
  });

  it("an overpayment is paid with the excess shown", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const res = await submit(t, req.id, { txHash: (await pay(t, req.id, 20_000_000n)).txHash });
    expect(res.json).toMatchObject({ status: "paid", amountPaid: "20.000000", overpaidBy: "7.500000" });
  });

  it("a log that paid one request is 409 payment_already_used for another, even one that could claim it", async ({ expect }) => {
    const t = await chainTenant();
    // A plain transfer (no reference), so both requests naming its sender could claim it.
    const { from, txHash } = await pay(t, undefined, 12_500_000n);
    const a = await incomingRequest(t, { payer: { name: "Same payer", walletAddress: from } });
    const b = await incomingRequest(t, { payer: { name: "Same payer", walletAddress: from } });
    expect((await submit(t, a.id, { txHash })).status).toBe(202);
    const res = await submit(t, b.id, { txHash });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe("payment_already_used");
    expect((await t.shop.orchestrator(`/v1/requests/${b.id}`)).json).toMatchObject({ status: "pending", amountPaid: "0.000000" });
  });

  it("a transfer carrying request A's reference is 422 payment_unattributed for B, even B's named payer; A still gets it", async ({
    expect,
  }) => {
    const t = await chainTenant();
    const a = await incomingRequest(t);
    const from = (await accounts())[4]!;
    const b = await incomingRequest(t, { payer: { name: "P", walletAddress: from } });
    const { txHash } = await pay(t, a.id, 12_500_000n);
    const stolen = await submit(t, b.id, { txHash });
    expect([stolen.status, stolen.json.code]).toEqual([422, "payment_unattributed"]);
    expect((await t.shop.orchestrator(`/v1/requests/${b.id}`)).json).toMatchObject({ status: "pending", amountPaid: "0.000000" });
    const own = await submit(t, a.id, { txHash });
    expect([own.status, own.json.status]).toEqual([202, "paid"]);
  });

  it("once A's reference paid A, submitting it for B is 409 payment_already_used, before any attribution rule (API v1.2)", async ({
    expect,
  }) => {
    const t = await chainTenant();
    const a = await incomingRequest(t);
    const b = await incomingRequest(t);
    const { txHash } = await pay(t, a.id, 12_500_000n, 6);
    expect((await submit(t, a.id, { txHash })).json.status).toBe("paid");
    const other = await submit(t, b.id, { txHash });
    expect([other.status, other.json.code]).toEqual([409, "payment_already_used"]);
    // For A itself the same transaction is the same payment again.
    const again = await submit(t, a.id, { txHash });
    expect([again.status, again.json.status, again.json.payments.length]).toEqual([202, "paid", 1]);
  });

  it("concurrent submissions of one transfer for two requests: exactly one wins", async ({ expect }) => {
    const t = await chainTenant();
    const from = (await accounts())[5]!;
    const [a, b] = await Promise.all([0, 1].map(() => incomingRequest(t, { payer: { name: "P", walletAddress: from } })));
    const txHash = await transfer({ from, to: t.wallet, amountMinor: 12_500_000n });
    const answers = await Promise.all([submit(t, a!.id, { txHash }), submit(t, b!.id, { txHash })]);
    expect(answers.map((r) => r.status).sort()).toEqual([202, 409]);
    const rows = await env.DB.prepare("SELECT request_id FROM payments WHERE tx_hash = ?").bind(txHash).all();
    expect(rows.results).toHaveLength(1);
  });

  it("answers malformed, unknown, and mismatched transactions with the contract's codes, recording nothing", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const malformed = await submit(t, req.id, { txHash: "0x1234" });
    expect(malformed.status).toBe(400);
    const unknown = await submit(t, req.id, { txHash: `0x${"ab".repeat(32)}` });
    expect([unknown.status, unknown.json.code]).toEqual([422, "payment_not_found"]);
    const from = (await accounts())[6]!;
    const other = await deployOtherToken(from, 10_000_000n);
    const wrongToken = await transfer({ from, to: t.wallet, amountMinor: 1_000_000n, token: other, requestId: req.id });
    const tokenRes = await submit(t, req.id, { txHash: wrongToken });
    expect([tokenRes.status, tokenRes.json.code]).toEqual([422, "payment_mismatch"]);
    expect(tokenRes.json.detail).toMatch(/^Wrong token/);
    const wrongRecipient = await transfer({ from, to: (await accounts())[7]!, amountMinor: 1_000_000n, requestId: req.id });
    const recipientRes = await submit(t, req.id, { txHash: wrongRecipient });
    expect([recipientRes.status, recipientRes.json.code]).toEqual([422, "payment_mismatch"]);
    expect(recipientRes.json.detail).toMatch(/^Wrong recipient/);
    const zero = await transfer({ from, to: t.wallet, amountMinor: 0n, requestId: req.id });
    const zeroRes = await submit(t, req.id, { txHash: zero });
    expect([zeroRes.json.code, zeroRes.json.detail]).toEqual(["payment_mismatch", expect.stringContaining("moves 0 tokens")]);
    expect((await t.shop.orchestrator(`/v1/requests/${req.id}`)).json).toMatchObject({ status: "pending", payments: [] });
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM payments WHERE destination_id = ?").bind(t.dst).first("n")).toBe(0);
  });
});
