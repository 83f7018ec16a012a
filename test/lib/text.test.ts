import { describe, it } from "vitest";
import { claimedDestination, incoming, newClient, signUp } from "../helpers/api";

describe("names people read", () => {
  it("refuses control and bidi characters in client names, labels and party names, and keeps ordinary spaces", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    for (const name of ["Evil\u202eroC", "nul\u0000byte", "zero\u200bwidth"]) {
      const res = await r.api(`/api/destinations/${dst}/clients`, { body: { name } });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.json.errors[0]).toMatchObject({ path: "name" });
    }
    const label = await r.api("/api/destinations", {
      body: {
        chainId: 8453,
        walletAddress: "0x" + "1".repeat(40),
        tokenAddress: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
        label: "My\u202eLabel",
      },
    });
    expect(label.json.errors[0]).toMatchObject({ path: "label" });
    const shop = await newClient(r, dst, "Corner  shop");
    expect(shop.client.name).toBe("Corner  shop");
    const party = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming({ payer: { name: "Ada\u202e" } }) });
    expect(party.json.errors[0]).toMatchObject({ path: "payer.name" });
  });

  it("normalises names to NFC, so one name has one spelling", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const decomposed = "Cafe\u0301";
    const shop = await newClient(r, dst, decomposed);
    expect(shop.client.name).toBe("Café");
    expect(shop.client.name).toHaveLength(4);
  });
});
