import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, it } from "vitest";
import { USDC, call, claimedDestination, incoming, newClient, signUp } from "../helpers/api";
import { clientCaller } from "../../scripts/lib/recipient-setup.mjs";

const newClientCaller = (secret: string) => clientCaller(call, secret);
import { testWallet } from "../helpers/wallet";
import { harness } from "../helpers/harness";
import { authority } from "../../src/authority/stub";

describe("client IDs", () => {
  it("answers one client ID by its own URL, revoked ones too, and another destination's as 404", async ({ expect }) => {
    const h = await harness();
    const other = await harness();
    const one = await h.r.api(`/api/destinations/${h.dst}/clients/${h.shop.id}`);
    expect(one.status).toBe(200);
    const listed = (await h.r.api(`/api/destinations/${h.dst}/clients`)).json.data;
    expect(one.json).toEqual(listed.find((c: { id: string }) => c.id === h.shop.id));
    expect(one.json).not.toHaveProperty("secret");
    expect((await h.revoke()).status).toBe(200);
    expect((await h.r.api(`/api/destinations/${h.dst}/clients/${h.shop.id}`)).json).toMatchObject({ status: "revoked" });
    // Another destination's client, asked under this destination, and this client asked by another recipient: 404.
    const foreign = await h.r.api(`/api/destinations/${h.dst}/clients/${other.shop.id}`);
    expect([foreign.status, foreign.json.code]).toEqual([404, "not_found"]);
    const stranger = await other.r.api(`/api/destinations/${h.dst}/clients/${h.shop.id}`);
    expect([stranger.status, stranger.json.code]).toEqual([404, "not_found"]);
    expect(stranger.text).not.toContain(h.shop.client.name);
  });

  it("creates a named client with default permissions and shows its prefixed secret once", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const { client, secret } = await newClient(r, dst, "Shopify store");
    expect(client).toMatchObject({
      name: "Shopify store",
      status: "active",
      permissions: ["incoming:creator", "outgoing:creator"],
      revokedAt: null,
      lastUsedAt: null,
    });
    // 32 random base32 characters, then the 6-character base62 CRC-32 of everything before it.
    expect(secret).toMatch(new RegExp(`^prsk_${dst.slice(4)}_${client.id.slice(4)}_[0-9a-z]{32}[0-9A-Za-z]{6}$`));
    expect(client.secretHint).toBe(`prsk_…${secret.slice(-38, -34)}`);
    const listed = (await r.api(`/api/destinations/${dst}/clients`)).json.data;
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty("secret");
    expect(JSON.stringify(listed)).not.toContain(secret.slice(-38, -6));
    // A create marks it used (its rate bucket's time: the create writes no row of the client's own).
    const before = Date.now();
    const made = await newClientCaller(secret)(`/v1/destinations/${dst}/requests`, { body: incoming() });
    expect(made.status).toBe(201);
    const used = (await r.api(`/api/destinations/${dst}/clients`)).json.data[0].lastUsedAt;
    expect(Date.parse(used)).toBeGreaterThanOrEqual(before - 1000);
  });

  it("keeps only the secret's SHA-256 in the authority's storage", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const { secret } = await newClient(r, dst);
    const stored = await runInDurableObject(authority(env, dst), (_i, state) =>
      JSON.stringify(state.storage.sql.exec("SELECT * FROM clients").toArray()),
    );
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice(-32));
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret)));
    expect(stored).toContain([...digest].map((b) => b.toString(16).padStart(2, "0")).join(""));
  });

  it("takes explicit permissions and validates name and permissions", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const { client } = await newClient(r, dst, "Reader", ["incoming:reader"]);
    expect(client.permissions).toEqual(["incoming:reader"]);
    const bad = await r.api(`/api/destinations/${dst}/clients`, { body: { name: "", permissions: ["admin"] } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(["name", "permissions.0"]);
    expect((await r.api(`/api/destinations/${dst}/clients`, { body: { name: "x".repeat(101) } })).status).toBe(400);
  });

  it("refuses clients on an unclaimed destination (409)", async ({ expect }) => {
    const r = await signUp();
    const d = (await r.api("/api/destinations", { body: { chainId: 8453, walletAddress: testWallet().address, tokenAddress: USDC } })).json;
    const res = await r.api(`/api/destinations/${d.id}/clients`, { body: { name: "Shop" } });
    expect(res.status).toBe(409);
  });

  it("revokes permanently and idempotently: the second revoke keeps the first time", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const { id } = await newClient(r, dst);
    const first = await r.api(`/api/destinations/${dst}/clients/${id}/revoke`, { method: "POST" });
    expect(first.status).toBe(200);
    expect(first.json.status).toBe("revoked");
    expect(first.json.revokedAt).toEqual(expect.any(String));
    const again = await r.api(`/api/destinations/${dst}/clients/${id}/revoke`, { method: "POST" });
    expect(again.status).toBe(200);
    expect(again.json.revokedAt).toBe(first.json.revokedAt);
    expect((await r.api(`/api/destinations/${dst}/clients`)).json.data[0].status).toBe("revoked");
  });

  it("answers 404 for another recipient's clients, and for a client of another destination", async ({ expect }) => {
    const owner = await signUp();
    const { id: dst } = await claimedDestination(owner);
    const { id: cli } = await newClient(owner, dst);
    const stranger = await signUp();
    const { id: strangerDst } = await claimedDestination(stranger);
    expect((await stranger.api(`/api/destinations/${dst}/clients`)).status).toBe(404);
    expect((await stranger.api(`/api/destinations/${dst}/clients`, { body: { name: "x" } })).status).toBe(404);
    expect((await stranger.api(`/api/destinations/${dst}/clients/${cli}/revoke`, { method: "POST" })).status).toBe(404);
    // The stranger's own destination does not know the owner's client either.
    expect((await stranger.api(`/api/destinations/${strangerDst}/clients/${cli}/revoke`, { method: "POST" })).status).toBe(404);
    expect((await owner.api(`/api/destinations/${dst}/clients`)).json.data[0].status).toBe("active");
  });
});
