import { runInDurableObject } from "cloudflare:test";
import { describe, it } from "vitest";
import { AUDIT_RETENTION_MS, pruneAudit } from "../../src/durable-objects/audit-log";
import { advanceClock, limitedClient } from "../limits/helpers";
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

    await advanceClock(t.stub, HOUR + 1000);
    expect((await t.orchestrator("/v1/webhook-endpoints", { body: { url: receiverHook().url } })).status).toBe(201);
  });

  it("the alarm forgets audit entries older than the retention, oldest first, and keeps the rest", async ({ expect }) => {
    const t = await limitedClient({});
    const kept = await runInDurableObject(t.stub, (_i, state) => {
      const sql = state.storage.sql;
      const now = Date.now();
      sql.exec(
        "INSERT INTO audit_log (id, at, actor, action, target, details) VALUES ('aud_old', ?, '{}', 'client.created', '{}', '{}')",
        now - AUDIT_RETENTION_MS - 1,
      );
      const before = sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log").one().n;
      pruneAudit(sql, now);
      const ids = sql
        .exec<{ id: string }>("SELECT id FROM audit_log")
        .toArray()
        .map((r) => r.id);
      return { before, ids };
    });
    expect(kept.ids).not.toContain("aud_old");
    expect(kept.ids).toHaveLength(kept.before - 1);
    expect(kept.ids.length).toBeGreaterThan(0);
  });
});
