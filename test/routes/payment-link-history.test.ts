import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { call, claimedDestination, incoming, signUp } from "../helpers/api";
import { testWallet } from "../helpers/wallet";
import { harness } from "../helpers/harness";

async function setup() {
  const h = await harness();
  const req = (await h.create(incoming({ amount: "42.00" }))).json;
  return { ...h, req, path: `/api/destinations/${h.dst}/requests/${req.id}/payment-links` };
}

describe("GET /api/destinations/{destinationId}/requests/{requestId}/payment-links", () => {
  it("lists a request's links newest first, who made each and whether it still works, never the URL", async ({ expect }) => {
    const { r, shop, req, path } = await setup();
    const byClient = (await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { body: { expiresInSeconds: 60 } })).json;
    await env.DB.prepare("UPDATE payment_links SET created_at = created_at - 5000, expires_at = ? WHERE id = ?")
      .bind(Date.now() - 1, byClient.id)
      .run();
    const byHand = (await r.api(path, { body: { expiresInSeconds: 3600 } })).json;

    const res = await r.api(path);
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual([
      { id: byHand.id, createdAt: expect.any(String), expiresAt: byHand.expiresAt, createdBy: { type: "manual" }, status: "active" },
      {
        id: byClient.id,
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        createdBy: { type: "client", clientId: shop.id },
        status: "expired",
      },
    ]);
    expect(Date.parse(res.json.data[0].createdAt)).toBeGreaterThan(Date.parse(res.json.data[1].createdAt));
    for (const { url } of [byClient, byHand]) expect(res.text).not.toContain(url.split("/pay/")[1]);
  });

  it("is empty for a request without links", async ({ expect }) => {
    const { r, path } = await setup();
    expect((await r.api(path)).json).toEqual({ data: [] });
  });

  it("answers 404 to another recipient, and for a request under another of the caller's destinations", async ({ expect }) => {
    const { r, dst, req, path } = await setup();
    await r.api(path, { method: "POST" });
    const stranger = await signUp();
    const theirs = await stranger.api(path);
    expect(theirs.status).toBe(404);
    expect(theirs.json.code).toBe("not_found");
    expect(theirs.text).not.toContain("lnk_");

    const { id: other } = await claimedDestination(r, testWallet());
    expect(other).not.toBe(dst);
    const crossed = await r.api(`/api/destinations/${other}/requests/${req.id}/payment-links`);
    expect(crossed.status).toBe(404);
    expect(crossed.json.code).toBe("not_found");
  });

  it("needs a session", async ({ expect }) => {
    const { path } = await setup();
    const res = await call(path);
    expect(res.status).toBe(401);
  });
});
