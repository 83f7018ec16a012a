import { describe, it } from "vitest";
import { incoming } from "../helpers/api";
import { limitedClient } from "./helpers";
import { advanceAuthorityClock, lapseCredentialInD1 } from "../helpers/authority";

const MINUTE = 60_000;
const ids = (res: { json: { data: { id: string }[] } }) => res.json.data.map((x) => x.id).sort();

describe("client expiry, on the authority's clock", () => {
  it("extends expiresAt on each admitted create, and past it creates nothing (403 client_expired)", async ({ expect }) => {
    const t = await limitedClient({ expiresAt: new Date(Date.now() + 10 * MINUTE).toISOString(), extendOnUseSeconds: 3600 });
    const before = Date.parse((await t.view()).expiresAt);
    const first = await t.create(incoming());
    expect(first.status).toBe(201);
    const extended = Date.parse((await t.view()).expiresAt);
    expect(extended).toBeGreaterThanOrEqual(before + 49 * MINUTE);
    expect(extended).toBeLessThanOrEqual(Date.now() + 60 * MINUTE);

    // 50 minutes on: still inside the extended window; this create moves it again.
    await advanceAuthorityClock(t.stub, 50 * MINUTE);
    expect((await t.create(incoming())).status).toBe(201);
    const again = Date.parse((await t.view()).expiresAt);
    expect(again).toBeGreaterThanOrEqual(extended + 49 * MINUTE);

    // Past it: no create of any kind, at once.
    await advanceAuthorityClock(t.stub, 61 * MINUTE);
    const refused = await t.create(incoming());
    expect([refused.status, refused.json.code]).toEqual([403, "client_expired"]);
    const link = await t.orchestrator(`/v1/requests/${first.json.id}/payment-links`, { method: "POST" });
    expect(link.json.code).toBe("client_expired");
    // It still reads and cancels its own.
    expect((await t.orchestrator(`/v1/requests/${first.json.id}`)).status).toBe(200);
    expect((await t.orchestrator(`/v1/requests/${first.json.id}/cancel`, { method: "POST" })).json.status).toBe("cancelled");
    // A create that was refused does not extend anything.
    expect(Date.parse((await t.view()).expiresAt)).toBe(again);
  });

  it("ends reader rights with the expiry, with no grace (the next read sees only its own requests)", async ({ expect }) => {
    const t = await limitedClient({ expiresAt: new Date(Date.now() + 10 * MINUTE).toISOString() }, ["incoming:creator", "incoming:reader"]);
    const own = (await t.create(incoming())).json.id;
    const manual = (await t.r.api(`/api/destinations/${t.dst}/requests`, { body: incoming() })).json.id;
    expect(ids(await t.orchestrator("/v1/requests"))).toEqual([own, manual].sort());
    expect((await t.orchestrator(`/v1/requests/${manual}`)).status).toBe(200);

    await advanceAuthorityClock(t.stub, 11 * MINUTE);
    await lapseCredentialInD1(t.client.id);
    expect(ids(await t.orchestrator("/v1/requests"))).toEqual([own]);
    expect((await t.orchestrator(`/v1/requests/${manual}`)).status).toBe(404);
    expect((await t.orchestrator(`/v1/requests/${own}`)).status).toBe(200);
  });

  it("lets the recipient move an expiry forward again, which revives creates", async ({ expect }) => {
    const t = await limitedClient({ expiresAt: new Date(Date.now() + MINUTE).toISOString() });
    await advanceAuthorityClock(t.stub, 2 * MINUTE);
    expect((await t.create(incoming())).json.code).toBe("client_expired");
    const later = new Date(Date.now() + 10 * MINUTE).toISOString();
    expect((await t.patch({ expiresAt: later })).json.expiresAt).toBe(later);
    expect((await t.create(incoming())).status).toBe(201);
    expect((await t.patch({ expiresAt: null })).json).toMatchObject({ expiresAt: null, limits: { expiresAt: null } });
  });
});
