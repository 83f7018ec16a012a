import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, it } from "vitest";
import { recordEvent, type EventSubject } from "../../src/webhooks/webhook-store";
import { incoming, outgoing } from "../helpers/api";
import { authority } from "../../src/authority/stub";
import type { DestinationAuthority } from "../../src/authority/destination-authority";
import { limitedClient } from "../limits/helpers";
import { receiverHook, verified, wait } from "./receiver";
import { hostOf } from "../helpers/authority";
import { harness } from "../helpers/harness";

type Hook = ReturnType<typeof receiverHook>;
const ids = async (hook: Hook, secret: string) =>
  (await hook.inbox()).map((r) => verified(secret, r)).map((e) => `${e.type} ${String(e.data.object.id)}`);

async function setup() {
  // The reader may read every incoming request; the shop only its own.
  const h = await harness({ permissions: ["incoming:creator", "outgoing:creator"] });
  const reader = await h.client("Reader", { permissions: ["incoming:creator", "incoming:reader"] });
  return { ...h, reader, readerHook: await h.clientEndpoint(reader), shopHook: await h.clientEndpoint(h.shop) };
}

/** A lifecycle event as the lead's transitions will record it, then dispatched. */
async function lifecycle(dst: string, type: "request.paid", id: string, subject: EventSubject) {
  const stub = authority(env, dst);
  await runInDurableObject(stub, (_i, state) =>
    state.storage.transactionSync(() =>
      recordEvent(state.storage.sql, { type, actor: { type: "system" }, at: Date.now(), object: { id, status: "paid" }, subject }),
    ),
  );
  await runInDurableObject(stub, (o: DestinationAuthority) => hostOf(o).afterEvents(Date.now()));
}

describe("orchestrator endpoints see only what their client may read, at delivery time", () => {
  it("before revocation: own requests plus a reader's direction; never another's bank details; after: own only", async ({ expect }) => {
    const { r, dst, reader, shop, readerHook, shopHook } = await setup();
    expect(readerHook.endpoint).toMatchObject({ clientId: reader.id, status: "enabled" });
    const shopIn = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming({ reference: "SHOP" }) })).json;
    const shopOut = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: outgoing() })).json;
    const own = (await reader.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming({ reference: "READER" }) })).json;
    await readerHook.hook.waitFor(2);
    await shopHook.hook.waitFor(2);
    await wait(1500);
    expect((await ids(readerHook.hook, readerHook.secret)).sort()).toEqual(
      [`request.created ${own.id}`, `request.created ${shopIn.id}`].sort(),
    );
    expect((await ids(shopHook.hook, shopHook.secret)).sort()).toEqual(
      [`request.created ${shopIn.id}`, `request.created ${shopOut.id}`].sort(),
    );
    // The outgoing request carries the payee's bank details: only its creator's endpoint got them.
    expect((await readerHook.hook.inbox()).some((x) => x.body.includes("accountNumber"))).toBe(false);

    expect((await r.api(`/api/destinations/${dst}/clients/${reader.id}/revoke`, { method: "POST" })).status).toBe(200);
    await readerHook.hook.waitFor(3);
    await lifecycle(dst, "request.paid", shopIn.id, {
      kind: "request",
      requestId: shopIn.id,
      direction: "incoming",
      creatorClientId: shop.id,
    });
    await lifecycle(dst, "request.paid", own.id, { kind: "request", requestId: own.id, direction: "incoming", creatorClientId: reader.id });
    await shopHook.hook.waitFor(3);
    await readerHook.hook.waitFor(4);
    await wait(1500);
    const after = await ids(readerHook.hook, readerHook.secret);
    expect(after.slice(2)).toEqual([`client.revoked ${reader.id}`, `request.paid ${own.id}`]);
    // The shop hears neither of the reader's events.
    expect(await ids(shopHook.hook, shopHook.secret)).not.toContain(`request.paid ${own.id}`);
    expect(await ids(shopHook.hook, shopHook.secret)).not.toContain(`client.revoked ${reader.id}`);

    // Catch-up lists the same scope, oldest first; the recipient's lists everything.
    const caught = (await reader.orchestrator("/v1/events")).json.data.map(
      (e: { type: string; data: { object: { id: string } } }) => `${e.type} ${e.data.object.id}`,
    );
    expect(caught).toEqual([`request.created ${own.id}`, `client.revoked ${reader.id}`, `request.paid ${own.id}`]);
    expect((await reader.orchestrator("/v1/events?type=request.paid")).json.data).toHaveLength(1);
    expect((await r.api(`/api/destinations/${dst}/events`)).json.data).toHaveLength(6);
  });

  it("an expired reader, like a revoked one, hears and catches up on its own requests only", async ({ expect }) => {
    const expiresAt = Date.now() + 3_000;
    const t = await limitedClient({ expiresAt: new Date(expiresAt).toISOString() }, ["incoming:creator", "incoming:reader"]);
    const hook = receiverHook("expiring");
    const endpoint = await t.orchestrator("/v1/webhook-endpoints", { body: { url: hook.url } });
    expect(endpoint.status).toBe(201);
    const own = (await t.create(incoming({ reference: "OWN" }))).json;
    const before = (await t.r.api(`/api/destinations/${t.dst}/requests`, { body: incoming({ reference: "BEFORE" }) })).json;
    await hook.waitFor(2);
    const listed = async () =>
      (await t.orchestrator("/v1/events")).json.data.map(
        (e: { type: string; data: { object: { id: string } } }) => `${e.type} ${e.data.object.id}`,
      );
    expect(await listed()).toEqual([`request.created ${own.id}`, `request.created ${before.id}`]);

    await wait(Math.max(0, expiresAt - Date.now()) + 200);
    expect((await t.create(incoming())).json.code).toBe("client_expired");
    const after = (await t.r.api(`/api/destinations/${t.dst}/requests`, { body: incoming({ reference: "AFTER" }) })).json;
    expect((await t.orchestrator(`/v1/requests/${own.id}/cancel`, { method: "POST" })).status).toBe(200);
    await hook.waitFor(3);
    await wait(1500);
    const heard = (await hook.inbox()).map((x) => verified(endpoint.json.secret, x)).map((e) => `${e.type} ${String(e.data.object.id)}`);
    expect(heard.sort()).toEqual([`request.created ${own.id}`, `request.created ${before.id}`, `request.cancelled ${own.id}`].sort());
    expect(heard).not.toContain(`request.created ${after.id}`);
    expect(await listed()).toEqual([`request.created ${own.id}`, `request.cancelled ${own.id}`]);
  });

  it("an event recorded before revocation but attempted after it is skipped, not sent", async ({ expect }) => {
    const { r, dst, reader, shop, readerHook } = await setup();
    const shopIn = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json;
    await readerHook.hook.waitFor(1);
    const stub = authority(env, dst);
    // Recorded while the reader may still read it, left unsent; the revoke then dispatches it.
    await runInDurableObject(stub, (_i, state) =>
      state.storage.transactionSync(() =>
        recordEvent(state.storage.sql, {
          type: "request.paid",
          actor: { type: "system" },
          at: Date.now(),
          object: { id: shopIn.id },
          subject: { kind: "request", requestId: shopIn.id, direction: "incoming", creatorClientId: shop.id },
        }),
      ),
    );
    await r.api(`/api/destinations/${dst}/clients/${reader.id}/revoke`, { method: "POST" });
    await readerHook.hook.waitFor(2);
    await wait(1500);
    expect(await ids(readerHook.hook, readerHook.secret)).toEqual([`request.created ${shopIn.id}`, `client.revoked ${reader.id}`]);
    const statuses = await runInDurableObject(stub, (_i, state) =>
      state.storage.sql
        .exec<{ status: string }>(
          "SELECT d.status FROM webhook_deliveries d JOIN events e ON e.id = d.event_id WHERE e.type = 'request.paid' AND d.endpoint_id = ?",
          readerHook.endpoint.id,
        )
        .toArray()
        .map((x) => x.status),
    );
    expect(statuses).toEqual(["skipped"]);
  });

  it("a client manages only its own endpoints; a revoked client cannot add one; bad secrets are 401", async ({ expect }) => {
    const { r, dst, reader, shop, readerHook } = await setup();
    expect((await shop.orchestrator("/v1/webhook-endpoints")).json.data.map((e: { clientId: string }) => e.clientId)).toEqual([shop.id]);
    expect((await shop.orchestrator(`/v1/webhook-endpoints/${readerHook.endpoint.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await reader.orchestrator(`/v1/webhook-endpoints/${readerHook.endpoint.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await reader.orchestrator("/v1/webhook-endpoints")).json.data).toEqual([]);
    const forged = reader.secret.slice(0, -4) + (reader.secret.endsWith("aaaa") ? "bbbb" : "aaaa");
    const wrong = await reader.orchestrator("/v1/webhook-endpoints", { headers: { authorization: `Bearer ${forged}` } });
    expect(wrong.status).toBe(401);
    expect((await reader.orchestrator("/v1/events", { headers: { authorization: "Bearer nope" } })).status).toBe(401);
    await r.api(`/api/destinations/${dst}/clients/${reader.id}/revoke`, { method: "POST" });
    const refused = await reader.orchestrator("/v1/webhook-endpoints", { body: { url: receiverHook().url } });
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe("client_revoked");
  });
});
