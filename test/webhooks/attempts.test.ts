import { env } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, it } from "vitest";
import { beginAttempt, reportAttempt } from "../../src/webhooks/webhook-attempts";
import { recordEvent } from "../../src/webhooks/webhook-store";
import { MAX_ATTEMPTS, MAX_QUEUE_DELAY_S, RETRY_SCHEDULE_MS } from "../../src/webhooks/events";
import { claimedDestination, incoming, newClient, signUp } from "../helpers/api";
import { authority } from "../../src/authority/stub";
import { advanceAuthorityClock } from "../helpers/authority";
import { harness } from "../helpers/harness";

const HOUR = 3600_000;

/** A destination with one endpoint on the local receiver (attempts are driven by hand here). */
async function setup() {
  const h = await harness();
  const { endpoint } = await h.recipientEndpoint([], { events: ["request.paid"] });
  const deliveryId = await runInDurableObject(h.stub, (_i, state) => {
    const sql = state.storage.sql;
    recordEvent(sql, {
      type: "request.paid",
      actor: { type: "system" },
      at: 0,
      object: { id: "req_1" },
      subject: { kind: "request", requestId: "req_1", direction: "incoming", creatorClientId: null },
    });
    return sql.exec<{ id: string }>("SELECT id FROM webhook_deliveries").one().id;
  });
  return { ...h, endpoint, deliveryId };
}

describe("the retry schedule, driven through the delivery's not-before time", () => {
  it("retries after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h, then fails; waits longer than 12 h are chained", async ({
    expect,
  }) => {
    const { stub, deliveryId } = await setup();
    const trace = await runInDurableObject(stub, (_i, state) => {
      const sql = state.storage.sql;
      const delays: number[] = [];
      let waits = 0;
      let now = Date.now();
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        let job = beginAttempt(sql, deliveryId, now);
        // The consumer re-enqueues a too-early message with at most the queue's 12 h delay.
        while (job.action === "wait") {
          waits++;
          now += Math.min(MAX_QUEUE_DELAY_S * 1000, job.notBefore - now);
          job = beginAttempt(sql, deliveryId, now);
        }
        if (job.action !== "send") throw new Error(`attempt ${attempt}: ${job.action}`);
        expect(job.attempt).toBe(attempt);
        // A duplicate report of the same attempt (a redelivered message) changes nothing.
        reportAttempt(sql, deliveryId, attempt, { status: 503, error: "down" }, now);
        expect(reportAttempt(sql, deliveryId, attempt, { status: 503, error: "down" }, now)).toBe(false);
        const next = sql.exec<{ next_attempt_at: number | null }>("SELECT next_attempt_at FROM webhook_deliveries").one().next_attempt_at;
        if (next !== null) delays.push(next - now);
        // The authority enqueued the retry with at most the queue's 12 h delay: that is when the message arrives.
        if (next !== null) now += Math.min(MAX_QUEUE_DELAY_S * 1000, next - now);
      }
      return { delays, waits, row: sql.exec("SELECT status, attempts FROM webhook_deliveries").one() };
    });
    expect(trace.delays).toEqual(RETRY_SCHEDULE_MS);
    expect(trace.row).toEqual({ status: "failed", attempts: MAX_ATTEMPTS });
    // 14 h, 20 h and 24 h each need one extra hop; everything shorter fits one queue delay.
    expect(trace.waits).toBe(3);
  });

  it("disables an endpoint that failed everything for 5 days, and says so", async ({ expect }) => {
    const { r, dst, stub, deliveryId, endpoint } = await setup();
    await runInDurableObject(stub, (_i, state) => {
      const sql = state.storage.sql;
      const start = Date.now();
      reportAttempt(sql, deliveryId, 1, { status: 500, error: "x" }, start);
      reportAttempt(sql, deliveryId, 2, { status: 500, error: "x" }, start + 4 * 24 * HOUR);
      reportAttempt(sql, deliveryId, 3, { status: null, error: "timeout" }, start + 5 * 24 * HOUR);
    });
    const list = (await r.api(`/api/destinations/${dst}/webhook-endpoints`)).json.data;
    expect(list).toMatchObject([{ id: endpoint.id, status: "disabled", disabledReason: "Every delivery failed for 5 days." }]);
    const d = (await r.api(`/api/destinations/${dst}/webhook-endpoints/${endpoint.id}/deliveries`)).json.data[0];
    expect(d).toMatchObject({ status: "failed", attempts: 3, nextAttemptAt: null });
  });

  it("a success clears the failing streak", async ({ expect }) => {
    const { stub, deliveryId } = await setup();
    const since = await runInDurableObject(stub, (_i, state) => {
      const sql = state.storage.sql;
      reportAttempt(sql, deliveryId, 1, { status: 500, error: "x" }, Date.now());
      const during = sql.exec<{ f: number | null }>("SELECT failing_since AS f FROM webhook_endpoints").one().f;
      reportAttempt(sql, deliveryId, 2, { status: 204, error: null }, Date.now());
      return [during !== null, sql.exec<{ f: number | null }>("SELECT failing_since AS f FROM webhook_endpoints").one().f];
    });
    expect(since).toEqual([true, null]);
  });

  it("keeps events 30 days in the catch-up list; storage keeps a request's (its timeline), and forgets the rest at the next alarm", async ({
    expect,
  }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const shop = await newClient(r, dst, "Shop");
    const req = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json;
    await r.api(`/api/destinations/${dst}/clients/${shop.id}/revoke`, { method: "POST" });
    const other = await newClient(r, dst, "Other");
    await r.api(`/api/destinations/${dst}/clients/${other.id}/revoke`, { method: "POST" });
    expect((await r.api(`/api/destinations/${dst}/events`)).json.data).toHaveLength(3);
    const stub = authority(env, dst);
    await advanceAuthorityClock(stub, 30 * 24 * HOUR + 1000);
    expect((await r.api(`/api/destinations/${dst}/events`)).json.data).toEqual([]);
    await runDurableObjectAlarm(stub);
    const left = await runInDurableObject(stub, (_i, state) =>
      state.storage.sql.exec<{ type: string; client_id: string }>("SELECT type, client_id FROM events").toArray(),
    );
    // Shop's revocation is forgotten; the newest event stays, out of every list, so a position is never given twice.
    expect(left).toEqual([
      { type: "request.created", client_id: shop.id },
      { type: "client.revoked", client_id: other.id },
    ]);
    const timeline = (await r.api(`/api/destinations/${dst}/requests/${req.id}/events`)).json.data;
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(["request.created"]);
  });
});
