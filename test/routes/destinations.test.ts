import { describe, it } from "vitest";
import { USDC, call, claimedDestination, signUp } from "../helpers/api";
import { testWallet } from "../helpers/wallet";

describe("destinations", () => {
  it("adds a destination with its ERC-7828 interop address and a claim challenge, then claims it with personal_sign", async ({
    expect,
  }) => {
    const r = await signUp();
    const wallet = testWallet();
    const created = await r.api("/api/destinations", {
      body: { chainId: 1, walletAddress: wallet.address, tokenAddress: "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48" },
    });
    expect(created.status).toBe(201);
    expect(created.json.status).toBe("unclaimed");
    expect(created.json.id).toMatch(/^dst_[0-9a-z]{16}$/);
    expect(created.json.interopAddress).toMatch(/^0x[0-9a-fA-F]{40}@eip155:1#[0-9A-F]{8}:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48$/);
    expect(created.json.claimChallenge).toContain(created.json.id);
    const claimed = await r.api(`/api/destinations/${created.json.id}/claim`, {
      body: { signature: wallet.personalSign(created.json.claimChallenge) },
    });
    expect(claimed.status).toBe(200);
    expect(claimed.json.status).toBe("claimed");
    expect(claimed.json.claimChallenge).toBeNull();
    expect((await r.api("/api/destinations")).json.data.map((d: { id: string }) => d.id)).toEqual([created.json.id]);
    expect((await r.api(`/api/destinations/${created.json.id}`)).json.status).toBe("claimed");
  });

  it("refuses a signature by another wallet (400 on `signature`) and a reused challenge", async ({ expect }) => {
    const r = await signUp();
    const wallet = testWallet();
    const d = (await r.api("/api/destinations", { body: { chainId: 8453, walletAddress: wallet.address, tokenAddress: USDC } })).json;
    const wrong = await r.api(`/api/destinations/${d.id}/claim`, { body: { signature: testWallet().personalSign(d.claimChallenge) } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.code).toBe("validation_failed");
    expect(wrong.json.errors[0].path).toBe("signature");
    // A signature of some other text by the right wallet is not a claim either.
    const otherText = await r.api(`/api/destinations/${d.id}/claim`, { body: { signature: wallet.personalSign("hello") } });
    expect(otherText.status).toBe(400);
    const fresh = (await r.api(`/api/destinations/${d.id}/challenge`, { method: "POST" })).json;
    expect(fresh.claimChallenge).not.toBe(d.claimChallenge);
    const stale = await r.api(`/api/destinations/${d.id}/claim`, { body: { signature: wallet.personalSign(d.claimChallenge) } });
    expect(stale.status).toBe(400);
    expect(
      (await r.api(`/api/destinations/${d.id}/claim`, { body: { signature: wallet.personalSign(fresh.claimChallenge) } })).status,
    ).toBe(200);
    expect(
      (await r.api(`/api/destinations/${d.id}/claim`, { body: { signature: wallet.personalSign(fresh.claimChallenge) } })).json.code,
    ).toBe("conflict");
  });

  it("lets only one recipient claim a wallet+chain+token (409 for the second)", async ({ expect }) => {
    const wallet = testWallet();
    await claimedDestination(await signUp(), wallet);
    const other = await signUp();
    const d = (await other.api("/api/destinations", { body: { chainId: 8453, walletAddress: wallet.address, tokenAddress: USDC } })).json;
    const res = await other.api(`/api/destinations/${d.id}/claim`, { body: { signature: wallet.personalSign(d.claimChallenge) } });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe("conflict");
  });

  it("validates addresses and chain id with field paths", async ({ expect }) => {
    const r = await signUp();
    const res = await r.api("/api/destinations", { body: { chainId: -1, walletAddress: "0x123", tokenAddress: "nope" } });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(["chainId", "tokenAddress", "walletAddress"]);
  });

  it("answers 404 for another recipient's destination on every destination route", async ({ expect }) => {
    const owner = await signUp();
    const { id } = await claimedDestination(owner);
    const stranger = await signUp();
    for (const [path, body] of [
      [`/api/destinations/${id}`, undefined],
      [`/api/destinations/${id}/challenge`, {}],
      [`/api/destinations/${id}/claim`, { signature: `0x${"1".repeat(130)}` }],
    ] as const) {
      const res = await stranger.api(path, body === undefined ? {} : { body });
      expect(res.status, path).toBe(404);
      expect(res.json.code).toBe("not_found");
    }
    expect((await stranger.api("/api/destinations")).json.data).toEqual([]);
  });

  it("requires a session (401) and a CSRF token on changes (403)", async ({ expect }) => {
    expect((await call("/api/destinations")).status).toBe(401);
    const r = await signUp();
    const res = await r.api("/api/destinations", {
      body: { chainId: 1, walletAddress: testWallet().address, tokenAddress: USDC },
      headers: { "x-csrf-token": "wrong" },
    });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe("csrf_failed");
  });

  it("asks the wallet to sign an EIP-4361 shaped message bound to this site, chain and destination", async ({ expect }) => {
    const r = await signUp();
    const wallet = testWallet();
    const d = (await r.api("/api/destinations", { body: { chainId: 8453, walletAddress: wallet.address, tokenAddress: USDC } })).json;
    const lines = (d.claimChallenge as string).split("\n");
    expect(lines[0]).toBe("payrelay.test wants you to sign in with your Ethereum account:");
    expect(lines[1]).toBe(d.walletAddress);
    expect(lines[3]).toBe(`Claim Payrelay destination ${d.id} to receive USDC on chain 8453 at this wallet.`);
    expect(lines.slice(5, 8)).toEqual(["URI: https://payrelay.test", "Version: 1", "Chain ID: 8453"]);
    expect(lines[8]).toMatch(/^Nonce: [0-9a-z]{24}$/);
    expect(Date.parse(lines[10]!.replace("Expiration Time: ", "")) - Date.parse(lines[9]!.replace("Issued At: ", ""))).toBe(15 * 60 * 1000);
    expect((await r.api(`/api/destinations/${d.id}/claim`, { body: { signature: wallet.personalSign(d.claimChallenge) } })).status).toBe(
      200,
    );
  });
});
