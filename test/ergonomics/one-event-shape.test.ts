import { describe, it } from "vitest";
import { incoming } from "../helpers/api";
import { harness } from "../helpers/harness";

type Event = { id: string; type: string; createdAt: string; sequence: number; actor: { type: string }; data: { object: { id: string } } };

describe("one event shape everywhere", () => {
  it("a request's timeline lists the same event objects, with the same ids, as GET /v1/events, payment_link.created included", async ({
    expect,
  }) => {
    const { r, dst, shop } = await harness();
    const req = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json;
    await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { method: "POST" });
    await shop.orchestrator(`/v1/requests/${req.id}/cancel`, { body: { reason: "Order cancelled" } });

    const timeline = (await shop.orchestrator(`/v1/requests/${req.id}/events`)).json.data as Event[];
    expect(timeline.map((e) => e.type)).toEqual(["request.created", "payment_link.created", "request.cancelled"]);
    for (const e of timeline) {
      expect(Object.keys(e).sort()).toEqual(["actor", "createdAt", "data", "id", "sequence", "type"]);
      expect(e.id).toMatch(/^evt_[0-9a-z]{16}$/);
      expect(e.actor).toEqual({ type: "client", clientId: shop.id });
    }
    const sequences = timeline.map((e) => e.sequence);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
    expect(timeline[2]!.data).toMatchObject({ reason: "Order cancelled", object: { id: req.id, status: "cancelled", payments: [] } });

    // The catch-up list and the recipient's timeline hold these very objects.
    const caughtUp = (await shop.orchestrator("/v1/events")).json.data as Event[];
    expect(caughtUp.filter((e) => timeline.some((t) => t.id === e.id))).toEqual(timeline);
    const recipient = (await r.api(`/api/destinations/${dst}/requests/${req.id}/events`)).json.data;
    expect(recipient).toEqual(timeline);
  });

  it("request.* objects carry the request's payments (the detail view)", async ({ expect }) => {
    const { r, dst, shop } = await harness();
    const req = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json;
    await r.api(`/api/destinations/${dst}/requests/${req.id}/mark-paid`, { body: { note: "Paid by bank transfer" } });
    const timeline = (await shop.orchestrator(`/v1/requests/${req.id}/events`)).json.data as Event[];
    const paid = timeline.find((e) => e.type === "request.paid")!;
    expect(paid.actor).toEqual({ type: "user" });
    expect(paid.data).toMatchObject({
      declared: "true",
      note: "Paid by bank transfer",
      object: { status: "paid", payments: [{ declared: true, note: "Paid by bank transfer", amount: "12.500000" }] },
    });
    expect((await shop.orchestrator(`/v1/requests/${req.id}`)).json.payments).toEqual(
      (paid.data.object as unknown as { payments: unknown[] }).payments,
    );
  });
});
