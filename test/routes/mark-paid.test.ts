import type { Actor } from "../../src/lib/actor";
import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { parseClientSecret } from "../../src/clients/credentials/client-secret";
import { authority } from "../../src/authority/stub";
import { accounts, chain, transfer } from "../helpers/chain";
import { chainTenant, impersonate, incomingRequest, pay, submit } from "../helpers/payments";
import { testWallet } from "../helpers/wallet";

const markPaid = (t: Awaited<ReturnType<typeof chainTenant>>, requestId: string, body: Record<string, unknown>) =>
  t.r.api(`/api/destinations/${t.dst}/requests/${requestId}/mark-paid`, { body });

describe("the recipient's mark-paid and unattributed transfers", () => {
  it("an unattributed transfer is 422, listed for the recipient, and assigned by mark-paid with its hash", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const { from, txHash } = await pay(t, undefined, 12_500_000n);
    const res = await submit(t, req.id, { txHash });
    expect([res.status, res.json.code]).toEqual([422, "payment_unattributed"]);
    expect(res.json.detail).toContain("Payrelay payment {requestId} {txHash}");
    const listed = await t.r.api(`/api/destinations/${t.dst}/unattributed-payments`);
    expect(listed.json).toEqual({
      data: [expect.objectContaining({ txHash, from, logIndex: 0, chainId: 31337, amount: "12.500000", status: "confirmed" })],
      nextCursor: null,
    });
    const assigned = await markPaid(t, req.id, { txHash });
    expect(assigned.status).toBe(200);
    expect(assigned.json).toMatchObject({ status: "paid", amountPaid: "12.500000", payments: [{ txHash, declared: false }] });
    expect((await t.r.api(`/api/destinations/${t.dst}/unattributed-payments`)).json.data).toEqual([]);
    const events = (await t.r.api(`/api/destinations/${t.dst}/requests/${req.id}/events`)).json.data;
    expect(events.at(-1)).toMatchObject({ type: "request.paid", actor: { type: "user" } });
  });

  it("the authority takes a declared payment from the recipient only, whatever the Worker in front let through", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const { secretHash } = (await parseClientSecret(t.shop.secret))!;
    const declare = (actor: Actor) =>
      authority(env, t.dst).recordPayment({
        destinationId: t.dst,
        requestId: req.id,
        actor,
        kind: "declared",
        transfers: [],
        confirmed: true,
        required: 1,
        tokenDecimals: 6,
        note: "paid in cash",
      });
    expect((await declare({ type: "client", clientId: t.shop.id, secretHash })).outcome).toBe("permission_denied");
    expect((await declare({ type: "payer" })).outcome).toBe("permission_denied");
    expect((await declare({ type: "system" })).outcome).toBe("permission_denied");
    expect((await t.shop.orchestrator(`/v1/requests/${req.id}`)).json).toMatchObject({
      status: "pending",
      amountPaid: "0.000000",
      payments: [],
    });
    // The recipient's own declaration goes through (the Worker then writes its records to D1).
    expect(await declare({ type: "user", userId: "usr_any", email: "any@example.com" })).toMatchObject({
      outcome: "recorded",
      row: { status: "paid" },
    });
  });

  it("a note alone records the rest as declared, not verified; a second declaration is 409", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    await submit(t, req.id, { txHash: (await pay(t, req.id, 2_500_000n)).txHash });
    const res = await markPaid(t, req.id, { note: "Rest paid in cash" });
    expect(res.json).toMatchObject({ status: "paid", amountPaid: "12.500000" });
    expect(res.json.payments[1]).toEqual({
      txHash: null,
      logIndex: null,
      chainId: null,
      from: null,
      amount: "10.000000",
      blockNumber: null,
      status: "confirmed",
      confirmedAt: expect.any(String),
      declared: true,
      note: "Rest paid in cash",
      detectedBy: null,
    });
    expect((await markPaid(t, req.id, { note: "again" })).json.code).toBe("invalid_state");
    expect((await markPaid(t, req.id, {})).status).toBe(400);
  });

  it("an outgoing request to a bank account is marked paid with a note once approved, and not before", async ({ expect }) => {
    const t = await chainTenant();
    const payee = { name: "Ada", sortCode: "123456", accountNumber: "12345678" };
    const out = (
      await t.r.api(`/api/destinations/${t.dst}/requests`, { body: { direction: "outgoing", amount: "3.00", currency: "GBP", payee } })
    ).json;
    expect((await markPaid(t, out.id, { note: "Faster Payment ref 991" })).json.code).toBe("invalid_state");
    await t.r.api(`/api/destinations/${t.dst}/requests/${out.id}/approve`, { method: "POST" });
    const res = await markPaid(t, out.id, { note: "Faster Payment ref 991" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "paid", amountPaid: "3.00", payments: [{ declared: true, amount: "3.00" }] });
    // A bank payee has no wallet: a transaction cannot pay it.
    expect((await markPaid(t, out.id, { txHash: `0x${"ab".repeat(32)}` })).status).toBe(400);
  });

  it("an approved outgoing request is paid by a Transfer from the destination's wallet to the payee's", async ({ expect }) => {
    const t = await chainTenant();
    const payee = testWallet().address.toLowerCase();
    const body = { direction: "outgoing", amount: "3.00", currency: "USDC", payee: { name: "Supplier", walletAddress: payee } };
    const out = (await t.r.api(`/api/destinations/${t.dst}/requests`, { body })).json;
    await t.r.api(`/api/destinations/${t.dst}/requests/${out.id}/approve`, { method: "POST" });
    const funder = (await accounts())[8]!;
    await transfer({ from: funder, to: t.wallet, amountMinor: 10_000_000n });
    await impersonate(t.wallet);
    // From someone else to the payee: not the destination paying.
    const notUs = await transfer({ from: funder, to: payee, amountMinor: 3_000_000n });
    const wrong = await markPaid(t, out.id, { txHash: notUs });
    expect([wrong.json.code, wrong.json.detail]).toEqual(["payment_mismatch", expect.stringMatching(/^Wrong sender/)]);
    const txHash = await transfer({ from: t.wallet, to: payee, amountMinor: 3_000_000n });
    const res = await markPaid(t, out.id, { txHash });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "paid", amountPaid: "3.000000", payments: [{ txHash, from: t.wallet, status: "confirmed" }] });
    await chain("hardhat_stopImpersonatingAccount", [t.wallet]);
  });

  it("an orchestrator cannot submit payments for outgoing requests (409), and strangers' marks are 404", async ({ expect }) => {
    const t = await chainTenant();
    const body = {
      direction: "outgoing",
      amount: "3.00",
      currency: "GBP",
      payee: { name: "A", sortCode: "123456", accountNumber: "12345678" },
    };
    const out = (await t.shop.orchestrator(`/v1/destinations/${t.dst}/requests`, { body })).json;
    expect((await submit(t, out.id, { txHash: `0x${"ab".repeat(32)}` })).json.code).toBe("invalid_state");
    const other = await chainTenant();
    expect((await other.r.api(`/api/destinations/${t.dst}/requests/${out.id}/mark-paid`, { body: { note: "x" } })).status).toBe(404);
  });
});
