import { env } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, it } from "vitest";
import { ENQUEUE_GRACE_MS } from "../../src/webhooks/webhook-attempts";
import { recordEvent } from "../../src/webhooks/webhook-store";
import { incoming } from "../helpers/api";
import type { authority } from "../../src/authority/stub";
import { countRequests } from "../helpers/db";
import { verified } from "./receiver";
import { advanceAuthorityClock, hostOf } from "../helpers/authority";
import type { DestinationAuthority } from "../../src/authority/destination-authority";
import { harness } from "../helpers/harness";

async function setup() {
  const h = await harness();
  return { ...h, ...(await h.recipientEndpoint()) };
}

const unenqueued = (stub: ReturnType<typeof authority>) =>
  runInDurableObject(
    stub,
    (_i, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE enqueued = 0 AND status = 'pending'").one()
        .n,
  );

describe("the webhook outbox", () => {
  it("delivers an event whose enqueue failed after the transaction (the queue was down, the object died), by alarm", async ({ expect }) => {
    const { dst, shop, hook, endpoint, stub } = await setup();
    // The queue refuses every send, as if the object had died between its commit and the send.
    const realQueue = await runInDurableObject(stub, (instance) => {
      const holder = hostOf(instance as DestinationAuthority) as unknown as { env: Env };
      const queue = holder.env.WEBHOOK_DELIVERIES;
      holder.env = {
        ...holder.env,
        WEBHOOK_DELIVERIES: { ...queue, send: () => Promise.reject(new Error("down")), sendBatch: () => Promise.reject(new Error("down")) },
      };
      return queue;
    });
    const created = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() });
    expect(created.status).toBe(201);
    expect(await unenqueued(stub)).toBe(1);
    await runInDurableObject(stub, (instance) => {
      const holder = hostOf(instance as DestinationAuthority) as unknown as { env: Env };
      holder.env = { ...holder.env, WEBHOOK_DELIVERIES: realQueue };
    });
    // The alarm leaves a fresh delivery to its own enqueue, then sends what is older than the grace.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await unenqueued(stub)).toBe(1);
    await advanceAuthorityClock(stub, ENQUEUE_GRACE_MS + 1);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await unenqueued(stub)).toBe(0);
    const [got] = await hook.waitFor(1);
    expect(verified(endpoint.secret, got!)).toMatchObject({ type: "request.created", data: { object: { id: created.json.id } } });
  });

  it("recordEvent (the lead's lifecycle hook) fans out inside the caller's transaction; the alarm delivers it", async ({ expect }) => {
    const { hook, endpoint, stub } = await setup();
    const eventId = await runInDurableObject(stub, (_i, state) => {
      const id = state.storage.transactionSync(
        () =>
          recordEvent(state.storage.sql, {
            type: "request.paid",
            actor: { type: "system" },
            at: Date.now() - ENQUEUE_GRACE_MS - 1,
            object: { id: "req_0000000000000001", status: "paid" },
            subject: { kind: "request", requestId: "req_0000000000000001", direction: "incoming", creatorClientId: null },
          }).eventId,
      );
      void state.storage.setAlarm(Date.now());
      return id;
    });
    expect(await unenqueued(stub)).toBe(1);
    await runDurableObjectAlarm(stub);
    const [got] = await hook.waitFor(1);
    expect(verified(endpoint.secret, got!)).toMatchObject({ id: eventId, type: "request.paid" });
  });

  it("a create whose D1 write failed still announces request.created (the event is the authority's, not D1's)", async ({ expect }) => {
    const { dst, shop, hook, endpoint } = await setup();
    await env.DB.exec("ALTER TABLE requests RENAME TO requests_offline");
    const failed = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() });
    await env.DB.exec("ALTER TABLE requests_offline RENAME TO requests");
    expect(failed.status).toBe(503);
    const id = /req_[0-9a-z]{16}/.exec(failed.json.detail)![0];
    expect(await countRequests("id = ?", id)).toBe(0);
    const [got] = await hook.waitFor(1);
    expect(verified(endpoint.secret, got!)).toMatchObject({ type: "request.created", data: { object: { id } } });
  });

  it("records no event for a refused or replayed create", async ({ expect }) => {
    const { r, dst, shop, stub } = await setup();
    const key = { "idempotency-key": "once" };
    await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming(), headers: key });
    await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming(), headers: key });
    await r.api(`/api/destinations/${dst}/clients/${shop.id}/revoke`, { method: "POST" });
    await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() });
    const types = await runInDurableObject(stub, (_i, state) =>
      state.storage.sql
        .exec<{ type: string }>("SELECT type FROM events ORDER BY position")
        .toArray()
        .map((e) => e.type),
    );
    expect(types).toEqual(["request.created", "client.revoked"]);
    const events = (await r.api(`/api/destinations/${dst}/events`)).json;
    expect(events.data.map((e: { type: string }) => e.type)).toEqual(["request.created", "client.revoked"]);
    expect(events.data[1].data.object).toMatchObject({ id: shop.id, status: "revoked" });
  });
});
