import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { USDC, call, incoming, newClient, outgoing, signUp } from "../helpers/api";
import { paymentReference } from "../../src/payments/chains/payment-reference";
import { harness } from "../helpers/harness";

async function setup() {
  const h = await harness();
  const req = (await h.create(incoming({ amount: "42.00", reference: "ORDER 7" }))).json;
  return { ...h, req };
}

const tokenOf = (url: string) => url.split("/pay/")[1]!;

describe("payment links", () => {
  it("creates a 7-day link by default whose public view shows amount, reference and destination", async ({ expect }) => {
    const { destination, shop, req } = await setup();
    const before = Date.now();
    const res = await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { method: "POST" });
    expect(res.status).toBe(201);
    expect(res.json.id).toMatch(/^lnk_/);
    expect(res.json.url).toMatch(/^https:\/\/payrelay\.test\/pay\/[\w-]{32}$/);
    const ttl = Date.parse(res.json.expiresAt) - before;
    expect(ttl).toBeGreaterThan(604_790_000);
    expect(ttl).toBeLessThanOrEqual(604_800_000 + 1000);
    const view = await call(`/api/public/payment-links/${tokenOf(res.json.url)}`);
    expect(view.status).toBe(200);
    expect(view.json).toEqual({
      amount: "42.000000",
      currency: "USDC",
      reference: "ORDER 7",
      status: "pending",
      amountPaid: "0.000000",
      amountDue: "42.000000",
      paymentReference: paymentReference(req.id),
      payments: [],
      expiresAt: res.json.expiresAt,
      destination: { interopAddress: destination.interopAddress, label: "Main" },
      // Who asks (none named yet) and the payer's declared wallet (none yet): the pay page's own fields.
      payee: { displayName: null },
      payerWalletAddress: null,
      pay: {
        chainId: 8453,
        walletAddress: destination.walletAddress,
        tokenAddress: USDC,
        tokenSymbol: "USDC",
        tokenDecimals: 6,
        amount: "42.000000",
        amountDue: "42.000000",
        proxyAddress: null, // Request Network published no ERC20FeeProxy on Base (in its 0.2.0 table)
      },
    });
  });

  it("stores only the token's hash", async ({ expect }) => {
    const { shop, req } = await setup();
    const { url } = (await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { method: "POST" })).json;
    const rows = JSON.stringify((await env.DB.prepare("SELECT * FROM payment_links").all()).results);
    expect(rows).not.toContain(tokenOf(url));
  });

  it("answers 410 link_expired past expiry, and 404 for an unknown token", async ({ expect }) => {
    const { shop, req } = await setup();
    const { url } = (await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { body: { expiresInSeconds: 1 } })).json;
    await env.DB.prepare("UPDATE payment_links SET expires_at = ? WHERE request_id = ?")
      .bind(Date.now() - 1, req.id)
      .run();
    const gone = await call(`/api/public/payment-links/${tokenOf(url)}`);
    expect(gone.status).toBe(410);
    expect(gone.json.code).toBe("link_expired");
    expect((await call(`/api/public/payment-links/${"A".repeat(32)}`)).status).toBe(404);
    expect((await call("/api/public/payment-links/short")).status).toBe(400);
  });

  it("caps expiry at 7 days and refuses links for outgoing requests", async ({ expect }) => {
    const { dst, shop, req } = await setup();
    const tooLong = await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { body: { expiresInSeconds: 604_801 } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.errors[0].path).toBe("expiresInSeconds");
    const out = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: outgoing() })).json;
    const refused = await shop.orchestrator(`/v1/requests/${out.id}/payment-links`, { method: "POST" });
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe("invalid_state");
  });

  it("needs incoming:creator, and replays with the same Idempotency-Key (same URL)", async ({ expect }) => {
    const { r, dst, req, shop } = await setup();
    const reader = await newClient(r, dst, "Reader", ["incoming:reader"]);
    expect((await reader.orchestrator(`/v1/requests/${req.id}/payment-links`, { method: "POST" })).json.code).toBe("permission_denied");
    const headers = { "idempotency-key": "link-1" };
    const a = await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { method: "POST", headers });
    const b = await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { method: "POST", headers });
    expect(b.json).toEqual(a.json);
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM payment_links WHERE request_id = ?").bind(req.id).first())!.n).toBe(1);
  });

  it("lets the recipient make a link from the dashboard; strangers get 404", async ({ expect }) => {
    const { r, dst, req } = await setup();
    const res = await r.api(`/api/destinations/${dst}/requests/${req.id}/payment-links`, { body: { expiresInSeconds: 3600 } });
    expect(res.status).toBe(201);
    const stranger = await signUp();
    expect((await stranger.api(`/api/destinations/${dst}/requests/${req.id}/payment-links`, { method: "POST" })).status).toBe(404);
  });

  it("builds the URL from PUBLIC_ORIGIN, never from the Host or X-Forwarded-Host a caller sends", async ({ expect }) => {
    const { shop, req } = await setup();
    const res = await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, {
      method: "POST",
      headers: { host: "evil.example", "x-forwarded-host": "evil.example" },
    });
    expect(res.status).toBe(201);
    expect(new URL(res.json.url).origin).toBe("https://payrelay.test");
  });

  it("lets only the creating client make links for a request (a reader gets 403), and caps links per request", async ({ expect }) => {
    const { r, dst, shop, req } = await setup();
    const reader = await newClient(r, dst, "Reader", ["incoming:creator", "incoming:reader"]);
    const refused = await reader.orchestrator(`/v1/requests/${req.id}/payment-links`, { method: "POST" });
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe("permission_denied");
    for (let i = 0; i < 25; i++)
      expect((await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { method: "POST" })).status).toBe(201);
    const capped = await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { method: "POST" });
    expect(capped.status).toBe(409);
    expect(capped.json.detail).toContain("25 payment links");
    // A replay of an earlier link's key is not a new link, so the cap does not refuse it.
    const other = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json;
    const first = await shop.orchestrator(`/v1/requests/${other.id}/payment-links`, {
      method: "POST",
      headers: { "idempotency-key": "k1" },
    });
    const again = await shop.orchestrator(`/v1/requests/${other.id}/payment-links`, {
      method: "POST",
      headers: { "idempotency-key": "k1" },
    });
    expect(again.json.url).toBe(first.json.url);
  });
});
