import { runDurableObjectAlarm } from "cloudflare:test";
import { advanceAuthorityClock } from "../../helpers/authority";
import { describe, it } from "vitest";
import { receiverHook, verified } from "../../webhooks/receiver";
import { harness } from "../../helpers/harness";

describe("lifecycle webhooks", () => {
  it("each transition reaches a real endpoint, signed, with the full request; a client's endpoint hears its own", async ({ expect }) => {
    const { r, dst, shop, stub, manual, byShop, act } = await harness();
    const hook = receiverHook("lifecycle");
    const endpoint = (
      await r.api(`/api/destinations/${dst}/webhook-endpoints`, {
        body: { url: hook.url, events: ["request.approved", "request.rejected", "request.cancelled", "request.expired"] },
      })
    ).json;
    const clientHook = receiverHook("lifecycle-client");
    const clientEndpoint = (
      await shop.orchestrator("/v1/webhook-endpoints", { body: { url: clientHook.url, events: ["request.cancelled"] } })
    ).json;

    const approved = await manual("outgoing");
    const rejected = await manual("outgoing");
    const cancelled = await byShop("incoming");
    const expired = await manual("incoming", { expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    await act(approved.id, "approve");
    await act(rejected.id, "reject", { reason: "Duplicate" });
    await shop.orchestrator(`/v1/requests/${cancelled.id}/cancel`, { method: "POST" });
    // An hour on, on the authority's clock: its alarm expires the request as the system.
    await advanceAuthorityClock(stub, 3600_000 + 1000);
    await runDurableObjectAlarm(stub);

    const got = (await hook.waitFor(4)).map((d) => verified(endpoint.secret, d));
    const byType = Object.fromEntries(got.map((e) => [e.type, e.data.object]));
    expect(Object.keys(byType).sort()).toEqual(["request.approved", "request.cancelled", "request.expired", "request.rejected"]);
    expect(byType["request.approved"]).toMatchObject({ id: approved.id, status: "approved", amountPaid: "0.00" });
    expect(byType["request.rejected"]).toMatchObject({ id: rejected.id, status: "rejected" });
    expect(byType["request.cancelled"]).toMatchObject({ id: cancelled.id, status: "cancelled" });
    expect(byType["request.expired"]).toMatchObject({ id: expired.id, status: "expired" });

    const mine = (await clientHook.waitFor(1)).map((d) => verified(clientEndpoint.secret, d));
    expect(mine.map((e) => [e.type, e.data.object.id])).toEqual([["request.cancelled", cancelled.id]]);
  });
});
