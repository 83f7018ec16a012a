import { describe, it } from "vitest";
import { newClient } from "../../helpers/api";
import { harness } from "../../helpers/harness";

describe("orchestrator lifecycle actions", () => {
  it("a client cancels its own request; the event names it; a repeat answers the cancelled request", async ({ expect }) => {
    const { shop, byShop } = await harness();
    const req = await byShop("incoming");
    const first = await shop.orchestrator(`/v1/requests/${req.id}/cancel`, { method: "POST" });
    expect(first.status).toBe(200);
    expect(first.json.status).toBe("cancelled");
    const again = await shop.orchestrator(`/v1/requests/${req.id}/cancel`, { method: "POST" });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect((await shop.orchestrator(`/v1/requests/${req.id}`)).json.status).toBe("cancelled");
    const events = (await shop.orchestrator(`/v1/requests/${req.id}/events`)).json.data;
    expect(events.map((e: { type: string }) => e.type)).toEqual(["request.created", "request.cancelled"]);
    expect(events[0].actor).toEqual({ type: "client", clientId: shop.id });
    expect(events[1]).toMatchObject({ actor: { type: "client", clientId: shop.id }, data: {} });
  });

  it("a revoked client may still cancel its own requests", async ({ expect }) => {
    const { r, dst, shop, byShop } = await harness();
    const req = await byShop("outgoing");
    await r.api(`/api/destinations/${dst}/clients/${shop.id}/revoke`, { method: "POST" });
    const res = await shop.orchestrator(`/v1/requests/${req.id}/cancel`, { method: "POST", body: { reason: "Order withdrawn" } });
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("cancelled");
    expect((await shop.orchestrator(`/v1/requests/${req.id}/events`)).json.data[1].data).toMatchObject({ reason: "Order withdrawn" });
  });

  it("another client's request is 404 to cancel, even for a reader who may read it; events follow read visibility", async ({ expect }) => {
    const { r, dst, byShop, manual, read } = await harness();
    const req = await byShop("incoming");
    const mine = await manual("incoming");
    const reader = await newClient(r, dst, "Reader", ["incoming:reader"]);
    const stranger = await newClient(r, dst, "Stranger", ["incoming:creator"]);
    for (const c of [reader, stranger]) {
      for (const id of [req.id, mine.id]) {
        const res = await c.orchestrator(`/v1/requests/${id}/cancel`, { method: "POST" });
        expect(res.status).toBe(404);
        expect(res.json.code).toBe("not_found");
      }
    }
    expect((await read(req.id)).json.status).toBe("pending");
    expect((await reader.orchestrator(`/v1/requests/${req.id}/events`)).status).toBe(200);
    expect((await stranger.orchestrator(`/v1/requests/${req.id}/events`)).status).toBe(404);
  });

  it("a client cannot cancel a request whose status forbids it (409), and a wrong secret is 401", async ({ expect }) => {
    const { shop, byShop, act } = await harness();
    const req = await byShop("outgoing");
    expect((await act(req.id, "reject")).status).toBe(200);
    const res = await shop.orchestrator(`/v1/requests/${req.id}/cancel`, { method: "POST" });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe("invalid_state");
    const forged = shop.secret.slice(0, -4) + (shop.secret.endsWith("aaaa") ? "bbbb" : "aaaa");
    const wrong = await shop.orchestrator(`/v1/requests/${req.id}/cancel`, {
      method: "POST",
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(wrong.status).toBe(401);
  });
});
