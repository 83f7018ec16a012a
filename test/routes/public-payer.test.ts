import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { accounts, transfer } from "../helpers/chain";
import { call } from "../helpers/api";
import { chainTenant, incomingRequest, linkToken, submitPublic } from "../helpers/payments";

const declare = (token: string, body: unknown) => call(`/api/public/payment-links/${token}/payer`, { body });
const d1Payer = async (id: string) =>
  JSON.parse(((await env.DB.prepare("SELECT payer FROM requests WHERE id = ?").bind(id).first()) as { payer: string }).payer);

// API v1.2, "Payers and recipients": a payer names the wallet they pay from, once; a plain transfer from it then counts.
describe("POST /api/public/payment-links/{token}/payer", () => {
  it("sets the request's payer wallet at once (D1 and every read), and a plain transfer from it then pays the request", async ({
    expect,
  }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const token = await linkToken(t, req.id);
    expect((await call(`/api/public/payment-links/${token}`)).json.payerWalletAddress).toBeNull();
    const from = (await accounts())[5]!;
    const res = await declare(token, { walletAddress: from.toLowerCase() });
    expect(res.status).toBe(200);
    const checksummed = res.json.payerWalletAddress as string;
    expect(checksummed.toLowerCase()).toBe(from.toLowerCase());
    expect(checksummed).not.toBe(from.toLowerCase()); // EIP-55, as every stored address
    const payer = { name: "Payer (declared on the pay page)", walletAddress: checksummed };
    expect((await t.shop.orchestrator(`/v1/requests/${req.id}`)).json.payer).toEqual(payer);
    expect(await d1Payer(req.id)).toEqual(payer);
    // No reference in the calldata, no signature: attribution rule 3 ties it to this request.
    const txHash = await transfer({ from, to: t.wallet, amountMinor: 12_500_000n });
    const paid = await submitPublic(token, { txHash });
    expect(paid.status).toBe(202);
    expect(paid.json.status).toBe("paid");
  });

  it("keeps a named payer's name; the same wallet again is 200, another is 409 conflict, and nothing changes", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t, { payer: { name: "Ada Lovelace", email: "ada@example.com" } });
    const token = await linkToken(t, req.id);
    const wallet = "0x" + "a1".repeat(20);
    expect((await declare(token, { walletAddress: wallet })).status).toBe(200);
    expect((await declare(token, { walletAddress: wallet.toUpperCase().replace("0X", "0x") })).status).toBe(200);
    const other = await declare(token, { walletAddress: "0x" + "b2".repeat(20) });
    expect(other.status).toBe(409);
    expect(other.json.code).toBe("conflict");
    expect(other.headers.get("content-type")).toContain("application/problem+json");
    const payer = (await t.shop.orchestrator(`/v1/requests/${req.id}`)).json.payer;
    expect(payer).toMatchObject({ name: "Ada Lovelace", email: "ada@example.com" });
    expect(payer.walletAddress.toLowerCase()).toBe(wallet);
  });

  it("refuses a malformed wallet with a field error, a closed request with 409 invalid_state, and an unknown link with 404", async ({
    expect,
  }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const token = await linkToken(t, req.id);
    const bad = await declare(token, { walletAddress: "0x123" });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe("validation_failed");
    expect(bad.json.errors).toEqual([{ path: "walletAddress", message: expect.stringContaining("wallet you will pay from") }]);
    expect((await declare(token, {})).status).toBe(400);
    await t.shop.orchestrator(`/v1/requests/${req.id}/cancel`, { method: "POST" });
    const closed = await declare(token, { walletAddress: "0x" + "c3".repeat(20) });
    expect(closed.status).toBe(409);
    expect(closed.json.code).toBe("invalid_state");
    expect(await d1Payer(req.id).catch(() => null)).toBeNull();
    const unknown = await declare("A".repeat(32), { walletAddress: "0x" + "c3".repeat(20) });
    expect(unknown.status).toBe(404);
  });
});

describe("the destination's display name on the pay page", () => {
  it("is set by PATCH, shown on the link (never the private label), and carried by an expired link's 410", async ({ expect }) => {
    const t = await chainTenant();
    const req = await incomingRequest(t);
    const token = await linkToken(t, req.id);
    expect((await call(`/api/public/payment-links/${token}`)).json.payee).toEqual({ displayName: null });
    const patched = await t.r.api(`/api/destinations/${t.dst}`, { method: "PATCH", body: { displayName: "  Acme Ltd " } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ displayName: "Acme Ltd", label: "Main" });
    expect((await t.r.api(`/api/destinations/${t.dst}`)).json.displayName).toBe("Acme Ltd");
    expect((await call(`/api/public/payment-links/${token}`)).json.payee).toEqual({ displayName: "Acme Ltd" });
    await env.DB.prepare("UPDATE payment_links SET expires_at = ? WHERE request_id = ?")
      .bind(Date.now() - 1000, req.id)
      .run();
    const expired = await call(`/api/public/payment-links/${token}`);
    expect(expired.status).toBe(410);
    expect(expired.json).toMatchObject({ code: "link_expired", payee: { displayName: "Acme Ltd" } });
  });

  it("refuses an empty body, an over-long or invisible-character name with field errors; null clears it", async ({ expect }) => {
    const t = await chainTenant();
    const empty = await t.r.api(`/api/destinations/${t.dst}`, { method: "PATCH", body: {} });
    expect(empty.status).toBe(400);
    expect(empty.json.errors[0].path).toBe("displayName");
    const long = await t.r.api(`/api/destinations/${t.dst}`, { method: "PATCH", body: { displayName: "x".repeat(81) } });
    expect(long.json.errors).toEqual([{ path: "displayName", message: "Keep a display name to 80 characters or fewer." }]);
    const bidi = await t.r.api(`/api/destinations/${t.dst}`, { method: "PATCH", body: { displayName: "Acme\u202e" } });
    expect(bidi.status).toBe(400);
    const wallet = await t.r.api(`/api/destinations/${t.dst}`, { method: "PATCH", body: { walletAddress: "0x" + "1".repeat(40) } });
    expect(wallet.status).toBe(400);
    await t.r.api(`/api/destinations/${t.dst}`, { method: "PATCH", body: { displayName: "Acme" } });
    const cleared = await t.r.api(`/api/destinations/${t.dst}`, { method: "PATCH", body: { displayName: null } });
    expect(cleared.json.displayName).toBeNull();
  });

  it("can be given at creation", async ({ expect }) => {
    const t = await chainTenant();
    const res = await t.r.api("/api/destinations", {
      body: {
        chainId: 8453,
        walletAddress: "0x" + "4".repeat(40),
        tokenAddress: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
        displayName: "Bob's Bikes",
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.displayName).toBe("Bob's Bikes");
  });
});
