import { env } from "cloudflare:workers";
import { beforeEach, describe, it } from "vitest";
import { paymentReference } from "../../../../src/payments/chains/payment-reference";
import { accounts, demoToken } from "../../../helpers/chain";
import { call } from "../../../helpers/api";
import { chainTenant, d1Payments, incomingRequest, linkToken, pay, submit, type ChainTenant } from "../../../helpers/payments";
import { payViaProxy, pollWatcher, proxyOn } from "../../../helpers/watch";

// The run's main chain (31337), shared with other files: each test pays a fresh wallet, and this file's D1
// holds only its own destinations, so the watcher sees only these tests' transfers.
const target = { chainId: 31337, token: demoToken };

const requestOf = async (t: ChainTenant, id: string) => (await t.shop.orchestrator(`/v1/requests/${id}`)).json;
const eventsOf = async (t: ChainTenant, id: string) => (await t.shop.orchestrator(`/v1/requests/${id}/events`)).json.data;

describe("the chain watcher finds payments nobody submits", () => {
  // Each test counts what its own poll records: earlier tests' leftovers are taken first.
  beforeEach(async () => void (await pollWatcher(target)));

  it("a transfer with the reference and no submission turns the request paid, as the system, detected by chain_watch", async ({
    expect,
  }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const { txHash } = await pay(t, req.id, 12_500_000n);
    const polled = await pollWatcher(target);
    expect(polled).toMatchObject({ found: 1, recorded: 1 });
    expect(polled.error).toBeUndefined();
    expect(await requestOf(t, req.id)).toMatchObject({
      status: "paid",
      amountPaid: "12.500000",
      payments: [{ txHash, detectedBy: "chain_watch" }],
    });
    expect((await eventsOf(t, req.id)).at(-1)).toMatchObject({
      type: "request.paid",
      actor: { type: "system" },
      data: { txHash, detectedBy: "chain_watch" },
    });
    // A submission after detection is the same payment again: 202, still one row, no new event.
    const events = (await eventsOf(t, req.id)).length;
    const again = await submit(t, req.id, { txHash });
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ status: "paid", amountPaid: "12.500000" });
    expect(await d1Payments(req.id)).toHaveLength(1);
    expect(await eventsOf(t, req.id)).toHaveLength(events);
    // And the watcher finding it again (its next range does not hold it; a repeat would change nothing) records nothing.
    expect(await pollWatcher(target)).toMatchObject({ recorded: 0 });
  });

  it("a submission first, then detection: one payment, one request.paid", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    await incomingRequest(t); // still open, so the wallet stays watched once the first is paid
    const { txHash } = await pay(t, req.id, 12_500_000n);
    expect((await submit(t, req.id, { txHash })).json).toMatchObject({ status: "paid" });
    expect(await pollWatcher(target)).toMatchObject({ found: 1, recorded: 0 });
    expect(await d1Payments(req.id)).toHaveLength(1);
    expect((await eventsOf(t, req.id)).filter((e: { type: string }) => e.type === "request.paid")).toHaveLength(1);
    expect((await requestOf(t, req.id)).payments).toEqual([expect.objectContaining({ txHash, detectedBy: null })]);
  });

  it("a payment through the fee proxy turns the request paid; the fee is not part of amountPaid", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const feeAddress = (await accounts())[7]!;
    await payViaProxy({
      n: 5,
      to: t.wallet,
      amountMinor: 12_500_000n,
      reference: paymentReference(req.id),
      feeMinor: 300_000n,
      feeAddress,
    });
    expect(await pollWatcher(target)).toMatchObject({ recorded: 1 });
    expect(await requestOf(t, req.id)).toMatchObject({ status: "paid", amountPaid: "12.500000" });
  });

  it("a submission through the fee proxy (the link view's pay.proxyAddress) is attributed by its reference", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const view = await call(`/api/public/payment-links/${await linkToken(t, req.id)}`);
    expect(view.json.pay.proxyAddress).toBe(proxyOn(31337));
    const { txHash } = await payViaProxy({ n: 5, to: t.wallet, amountMinor: 12_500_000n, reference: paymentReference(req.id) });
    const res = await submit(t, req.id, { txHash });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ status: "paid", amountPaid: "12.500000" });
    // Another request's reference in the proxy log ties nothing to this one.
    const other = await incomingRequest(t);
    const wrong = await payViaProxy({ n: 5, to: t.wallet, amountMinor: 12_500_000n, reference: paymentReference("req_someoneelse000") });
    expect((await submit(t, other.id, { txHash: wrong.txHash })).status).toBe(422);
  });

  it("a plain transfer from an unknown wallet is listed as unattributed, suggesting the one request due that amount", async ({
    expect,
  }) => {
    const t = await chainTenant();
    const due = await incomingRequest(t, { amount: "7.25" });
    await incomingRequest(t, { amount: "12.50" });
    const { txHash } = await pay(t, undefined, 7_250_000n, 6);
    expect(await pollWatcher(target)).toMatchObject({ recorded: 1 });
    const listed = (await t.r.api(`/api/destinations/${t.dst}/unattributed-payments`)).json.data;
    expect(listed).toEqual([expect.objectContaining({ txHash, amount: "7.250000", suggestedRequestId: due.id })]);
    expect(await requestOf(t, due.id)).toMatchObject({ status: "pending" });
  });

  it("a wallet without open incoming requests is not watched", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    await t.shop.orchestrator(`/v1/requests/${req.id}/cancel`, { method: "POST" });
    const before = await pollWatcher(target);
    await pay(t, undefined, 1_000_000n, 6);
    const after = await pollWatcher(target);
    expect(after.watched).toBe(before.watched);
    expect(after.recorded).toBe(0);
    expect(env.PAYMENT_PROXIES).toContain("31337");
  });
});
