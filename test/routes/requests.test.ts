import { describe, it } from "vitest";
import { USDC, claimedDestination, incoming, outgoing, signUp } from "../helpers/api";
import { testWallet } from "../helpers/wallet";
import { harness } from "../helpers/harness";

async function setup() {
  const h = await harness();
  const agent = await h.client("Agent");
  const a = (await h.create(incoming())).json;
  const b = (await h.create(outgoing(), { by: agent })).json;
  const m = (await h.r.api(`/api/destinations/${h.dst}/requests`, { body: incoming({ amount: "1.00", currency: "USD" }) })).json;
  return { ...h, agent, a, b, m };
}

const ids = (res: { json: { data: { id: string }[] } }) => res.json.data.map((x) => x.id);

describe("dashboard requests", () => {
  it("creates by hand (createdBy manual) and lists every request with who created it", async ({ expect }) => {
    const { r, dst, shop, agent, a, b, m } = await setup();
    expect(m.createdBy).toEqual({ type: "manual" });
    const all = await r.api(`/api/destinations/${dst}/requests`);
    expect(ids(all)).toEqual([m.id, b.id, a.id]);
    expect(all.json.data.map((x: { createdBy: { clientName?: string } }) => x.createdBy.clientName ?? "Manual")).toEqual([
      "Manual",
      "Agent",
      "Shop",
    ]);
    expect(ids(await r.api(`/api/destinations/${dst}/requests?createdBy=${shop.id}`))).toEqual([a.id]);
    expect(ids(await r.api(`/api/destinations/${dst}/requests?createdBy=${agent.id}`))).toEqual([b.id]);
    expect(ids(await r.api(`/api/destinations/${dst}/requests?createdBy=manual`))).toEqual([m.id]);
    expect(ids(await r.api(`/api/destinations/${dst}/requests?direction=outgoing`))).toEqual([b.id]);
    expect(ids(await r.api(`/api/destinations/${dst}/requests?status=pending&limit=1`))).toEqual([m.id]);
    expect((await r.api(`/api/destinations/${dst}/requests?createdBy=someone`)).status).toBe(400);
    expect((await r.api(`/api/destinations/${dst}/requests/${a.id}`)).json).toEqual({ ...a, payments: [], refunds: [] });
  });

  it("refuses manual creates on an unclaimed destination and validates the body", async ({ expect }) => {
    const r = await signUp();
    const d = (await r.api("/api/destinations", { body: { chainId: 8453, walletAddress: testWallet().address, tokenAddress: USDC } })).json;
    expect((await r.api(`/api/destinations/${d.id}/requests`, { body: incoming() })).status).toBe(409);
    const { id: dst } = await claimedDestination(r);
    const bad = await r.api(`/api/destinations/${dst}/requests`, { body: incoming({ amount: "1.2345678" }) });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([{ path: "amount", message: "USDC allows at most 6 decimal places." }]);
  });

  it("answers 404 for another recipient's requests on every requests route", async ({ expect }) => {
    const { dst, a } = await setup();
    const stranger = await signUp();
    const { id: own } = await claimedDestination(stranger);
    expect((await stranger.api(`/api/destinations/${dst}/requests`)).status).toBe(404);
    expect((await stranger.api(`/api/destinations/${dst}/requests`, { body: incoming() })).status).toBe(404);
    expect((await stranger.api(`/api/destinations/${dst}/requests/${a.id}`)).status).toBe(404);
    // Through the stranger's own destination, the request does not exist either.
    expect((await stranger.api(`/api/destinations/${own}/requests/${a.id}`)).status).toBe(404);
  });
});
