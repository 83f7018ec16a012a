import { describe, it } from "vitest";
import { incoming, newClient } from "../helpers/api";
import { verified, wait } from "../webhooks/receiver";
import { harness } from "../helpers/harness";

async function setup(statuses: number[] = []) {
  const h = await harness();
  return { ...h, ...(await h.clientEndpoint(h.shop, statuses)) };
}

describe("a client tests and watches its own webhook endpoints over /v1", () => {
  it("sends a signed webhook.test, lists its delivery, and retries it on request", async ({ expect }) => {
    const { shop, hook, endpoint, base } = await setup();
    const sent = await shop.orchestrator(`${base}/test`, { method: "POST" });
    expect(sent.status).toBe(202);
    expect(sent.json.deliveryId).toMatch(/^whd_/);
    const [got] = await hook.waitFor(1);
    const event = verified(endpoint.secret, got!);
    expect(event).toMatchObject({ type: "webhook.test", actor: { type: "system" }, data: { object: { endpointId: endpoint.id } } });

    const deliveries = (await shop.orchestrator(`${base}/deliveries`)).json;
    expect(deliveries).toEqual({
      data: [expect.objectContaining({ id: sent.json.deliveryId, eventType: "webhook.test", status: "delivered", lastStatusCode: 200 })],
      nextCursor: null,
    });
    expect((await shop.orchestrator(`${base}/deliveries/${sent.json.deliveryId}/retry`, { method: "POST" })).status).toBe(202);
    const both = await hook.waitFor(2);
    expect(both).toHaveLength(2);
    expect(both[1]!.headers["webhook-id"]).toBe(both[0]!.headers["webhook-id"]);
    // The test event is for this endpoint only: never in the catch-up list.
    expect((await shop.orchestrator("/v1/events")).json.data.map((e: { type: string }) => e.type)).not.toContain("webhook.test");
  });

  it("another client's endpoint and delivery are 404; a cursor it did not issue is 400", async ({ expect }) => {
    const { r, dst, shop, base } = await setup();
    const sent = (await shop.orchestrator(`${base}/test`, { method: "POST" })).json;
    const other = await newClient(r, dst, "Other");
    expect((await other.orchestrator(`${base}/test`, { method: "POST" })).status).toBe(404);
    expect((await other.orchestrator(`${base}/deliveries`)).status).toBe(404);
    expect((await other.orchestrator(`${base}/deliveries/${sent.deliveryId}/retry`, { method: "POST" })).status).toBe(404);
    const bad = await shop.orchestrator(`${base}/deliveries?cursor=abc`);
    expect([bad.status, bad.json.errors[0].path]).toEqual([400, "cursor"]);
  });

  it("shows failingSince while the receiver is down, and sends what it missed as soon as one delivery succeeds again", async ({
    expect,
  }) => {
    const { dst, shop, hook, base } = await setup([503, 503, 503]);
    const reference = (d: { body: string }) => (JSON.parse(d.body) as { data: { object: { reference: string } } }).data.object.reference;
    // Three refusals: one of the two events is refused twice, so its next retry is 5 minutes away; the other's retry succeeds.
    await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming({ reference: "DOWN 1" }) });
    await hook.waitFor(1);
    const [endpoint] = (await shop.orchestrator("/v1/webhook-endpoints")).json.data;
    expect(endpoint).toMatchObject({ status: "enabled", failingSince: expect.any(String) });
    await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming({ reference: "DOWN 2" }) });
    const started = Date.now();
    // Back up after three refusals: the success brings the other forward, minutes before its scheduled retry.
    const all = await hook.waitFor(5, 25_000);
    // (Which retry meets the third refusal depends on timing; either way the last one is brought forward.)
    expect(all.map(reference).sort()).toEqual(["DOWN 1", "DOWN 1", "DOWN 1", "DOWN 2", "DOWN 2"]);
    expect(all[4]!.at - started).toBeLessThan(60_000);
    await wait(200);
    const [healthy] = (await shop.orchestrator("/v1/webhook-endpoints")).json.data;
    expect(healthy.failingSince).toBeNull();
    const statuses = (await shop.orchestrator(`${base}/deliveries`)).json.data.map((d: { status: string }) => d.status);
    expect(statuses).toEqual(["delivered", "delivered"]);
  });
});
