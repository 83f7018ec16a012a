import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { signUp } from "../helpers/api";
import { authority } from "../../src/authority/stub";
import { ROTATION_OVERLAP_MS } from "../../src/webhooks/webhook-endpoints";
import { advanceAuthorityClock } from "../helpers/authority";
import { verified, wait } from "./receiver";
import { harness } from "../helpers/harness";

async function setup(statuses: number[] = []) {
  const h = await harness();
  return { ...h, ...(await h.recipientEndpoint(statuses)), create: () => h.create() };
}

describe("webhook delivery through the queue to a real receiver", () => {
  it("delivers request.created, signed so the standardwebhooks library verifies it", async ({ expect }) => {
    const { r, hook, secret, base, create, endpoint } = await setup();
    expect(endpoint).toMatchObject({ id: expect.stringMatching(/^whe_/), status: "enabled", events: [], disabledReason: null });
    expect(secret).toMatch(/^whsec_/);
    const req = (await create()).json;
    const [got] = await hook.waitFor(1);
    const event = verified(secret, got!);
    expect(event).toMatchObject({
      type: "request.created",
      id: got!.headers["webhook-id"],
      data: { object: { id: req.id, amount: req.amount, status: "pending" } },
    });
    expect(event.id).toMatch(/^evt_/);
    expect(got!.headers["content-type"]).toBe("application/json");
    const deliveries = (await r.api(`${base}/deliveries`)).json.data;
    expect(deliveries).toMatchObject([
      { eventId: event.id, eventType: "request.created", status: "delivered", attempts: 1, lastStatusCode: 200, nextAttemptAt: null },
    ]);
    // The secret is shown once: listing never includes it.
    expect(JSON.stringify((await r.api(base.replace(`/${endpoint.id}`, ""))).json)).not.toContain("whsec_");
  });

  it("retries a 500 after 5 s with the same webhook-id, and records both attempts", async ({ expect }) => {
    const { r, hook, secret, base, create } = await setup([500]);
    await create();
    const [first] = await hook.waitFor(1);
    const pending = (await r.api(`${base}/deliveries`)).json.data[0];
    expect(pending).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    expect(Date.parse(pending.nextAttemptAt) - first!.at).toBeGreaterThan(3000);
    const both = await hook.waitFor(2, 15_000);
    expect(both).toHaveLength(2);
    expect(both[1]!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    expect(both[1]!.at - first!.at).toBeGreaterThanOrEqual(4000);
    expect(verified(secret, both[1]!).id).toBe(verified(secret, first!).id);
    expect((await r.api(`${base}/deliveries`)).json.data[0]).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200 });
  });

  it("disables the endpoint at once on 410, says why, and sends it nothing more", async ({ expect }) => {
    const { r, dst, hook, base, create } = await setup([410]);
    await create();
    await hook.waitFor(1);
    await wait(300);
    const list = (await r.api(`/api/destinations/${dst}/webhook-endpoints`)).json.data;
    expect(list[0]).toMatchObject({ status: "disabled", disabledReason: expect.stringContaining("410") });
    expect((await r.api(`${base}/deliveries`)).json.data[0]).toMatchObject({ status: "failed", attempts: 1, lastStatusCode: 410 });
    await create();
    await wait(2000);
    expect(await hook.inbox()).toHaveLength(1);
  });

  it("after a rotation both secrets verify for 24 h, then only the new one", async ({ expect }) => {
    const { r, dst, hook, secret: old, base } = await setup();
    const rotated = await r.api(`${base}/rotate-secret`, { method: "POST" });
    expect(rotated.status).toBe(200);
    const fresh: string = rotated.json.secret;
    expect(fresh).not.toBe(old);
    expect((await r.api(`${base}/test`, { method: "POST" })).status).toBe(202);
    const [during] = await hook.waitFor(1);
    expect(during!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(verified(old, during!).type).toBe("webhook.test");
    expect(verified(fresh, during!).type).toBe("webhook.test");
    // 24 h later (on the authority's clock, not waited for) the old secret no longer signs.
    await advanceAuthorityClock(authority(env, dst), ROTATION_OVERLAP_MS + 1000);
    await r.api(`${base}/test`, { method: "POST" });
    const [, after] = await hook.waitFor(2);
    expect(after!.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(verified(fresh, after!).type).toBe("webhook.test");
    expect(() => verified(old, after!)).toThrow();
  });

  it("manual retry attempts a delivery again with the same id; other recipients get 404", async ({ expect }) => {
    const { r, hook, base, create } = await setup();
    await create();
    const [first] = await hook.waitFor(1);
    const delivery = (await r.api(`${base}/deliveries`)).json.data[0];
    expect((await r.api(`${base}/deliveries/${delivery.id}/retry`, { method: "POST" })).status).toBe(202);
    const [, again] = await hook.waitFor(2);
    expect(again!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    const other = await signUp();
    for (const path of [`${base}/deliveries`, base.replace(/\/whe_.*/, "")]) expect((await other.api(path)).status).toBe(404);
    expect((await other.api(`${base}/deliveries/${delivery.id}/retry`, { method: "POST" })).status).toBe(404);
    expect((await r.api(`${base}/deliveries/whd_0000000000000000/retry`, { method: "POST" })).status).toBe(404);
    expect((await r.api(base, { method: "DELETE" })).status).toBe(204);
    expect((await r.api(`${base}/deliveries`)).status).toBe(404);
  });
});
