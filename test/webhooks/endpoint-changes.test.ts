import { describe, it } from "vitest";
import { AUDIT_RETENTION_MS } from "../../src/audit/audit-log";
import { advanceAuthorityClock, wakeAuthority } from "../helpers/authority";
import { limitedClient } from "../limits/helpers";
import { receiverHook } from "./receiver";

const HOUR = 3_600_000;

describe("webhook endpoint churn: 20 changes an hour per owner, and a bounded audit log", () => {
  it("a client's 21st create, delete or rotate within the hour is 429 rate_limited with Retry-After and RateLimit; the recipient's own count is apart", async ({
    expect,
  }) => {
    const t = await limitedClient({});
    let endpoint = "";
    for (let change = 1; change <= 20; change++) {
      if (change % 2 === 1) {
        const made = await t.orchestrator("/v1/webhook-endpoints", { body: { url: receiverHook().url } });
        expect(made.status, `change ${change}`).toBe(201);
        endpoint = made.json.id;
      } else {
        expect((await t.orchestrator(`/v1/webhook-endpoints/${endpoint}`, { method: "DELETE" })).status, `change ${change}`).toBe(204);
      }
    }
    const refused = await t.orchestrator("/v1/webhook-endpoints", { body: { url: receiverHook().url } });
    expect([refused.status, refused.json.code]).toEqual([429, "rate_limited"]);
    expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3500);
    expect(refused.headers.get("ratelimit-policy")).toBe('"webhook-endpoint-changes";q=20;w=3600');
    expect(refused.headers.get("ratelimit")).toMatch(/^"webhook-endpoint-changes";r=0;t=\d+$/);
    // Nothing was created by the refused call, and reads are not changes.
    expect((await t.orchestrator("/v1/webhook-endpoints")).json.data).toEqual([]);

    const recipient = await t.r.api(`/api/destinations/${t.dst}/webhook-endpoints`, { body: { url: receiverHook().url } });
    expect(recipient.status).toBe(201);
    const rotated = await t.r.api(`/api/destinations/${t.dst}/webhook-endpoints/${recipient.json.id}/rotate-secret`, { method: "POST" });
    expect(rotated.status).toBe(200);

    await advanceAuthorityClock(t.stub, HOUR + 1000);
    expect((await t.orchestrator("/v1/webhook-endpoints", { body: { url: receiverHook().url } })).status).toBe(201);
  });

  it("the alarm forgets audit entries older than the retention, oldest first, and keeps the rest", async ({ expect }) => {
    const t = await limitedClient({});
    const audit = async () => (await t.r.api(`/api/destinations/${t.dst}/audit`)).json.data as { id: string; action: string }[];
    const early = await audit();
    expect(early.length).toBeGreaterThan(0);
    // Half a retention later, one more change: the only entry young enough to stay.
    await advanceAuthorityClock(t.stub, AUDIT_RETENTION_MS / 2);
    expect((await t.orchestrator("/v1/webhook-endpoints", { body: { url: receiverHook().url } })).status).toBe(201);
    const late = (await audit()).filter((e) => !early.some((x) => x.id === e.id));
    expect(late.map((e) => e.action)).toEqual(["webhook_endpoint.created"]);
    // The alarm, a retention after the first entries: they are gone, the later one is kept.
    await wakeAuthority(t.dst, AUDIT_RETENTION_MS + 1000);
    expect((await audit()).map((e) => e.id)).toEqual(late.map((e) => e.id));
  });
});
