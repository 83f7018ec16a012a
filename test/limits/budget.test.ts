import { runDurableObjectAlarm } from "cloudflare:test";
import { describe, it } from "vitest";
import { limitedClient, payout } from "./helpers";
import { advanceAuthorityClock } from "../helpers/authority";

describe("outgoing budgets, enforced by the authority", () => {
  it("admits exactly 10 of 25 concurrent creates of 10 against a budget of 100", async ({ expect }) => {
    const t = await limitedClient({ outgoingBudget: { amount: "100.00", currency: "USD" } });
    const answers = await Promise.all(Array.from({ length: 25 }, () => t.create(payout("10.00"))));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 403)).toHaveLength(15);
    for (const refused of answers.filter((a) => a.status === 403)) {
      expect(refused.json.code).toBe("allowance_exceeded");
      expect(refused.json.detail).toContain("0.00 USD left");
    }
    expect(await t.view()).toMatchObject({
      spent: "100.00",
      remaining: "0.00",
      limits: { outgoingBudget: { amount: "100.00", currency: "USD" } },
    });
  });

  it("counts the token and its peg as one value, rounding a reservation up, never down", async ({ expect }) => {
    const t = await limitedClient({ outgoingBudget: { amount: "1.00", currency: "USD" } });
    expect((await t.create(payout("0.000001", { currency: "USDC" }))).status).toBe(201);
    expect((await t.view()).spent).toBe("0.01");
    const bank = await t.create({
      direction: "outgoing",
      amount: "0.10",
      currency: "GBP",
      payee: { name: "Ada", sortCode: "123456", accountNumber: "12345678" },
    });
    expect(bank.status).toBe(403);
    expect(bank.json).toMatchObject({ code: "allowance_exceeded" });
    expect(bank.json.detail).toContain("budget is in USD");
  });

  it("gives a reservation back exactly once under repeated and concurrent cancels, and on reject", async ({ expect }) => {
    const t = await limitedClient({ outgoingBudget: { amount: "30.00", currency: "USD" } });
    const a = (await t.create(payout("10.00"))).json;
    const b = (await t.create(payout("10.00"))).json;
    expect((await t.view()).spent).toBe("20.00");
    const cancels = await Promise.all(Array.from({ length: 6 }, () => t.act(a.id, "cancel")));
    expect(cancels.map((c) => c.status)).toEqual(Array(6).fill(200));
    expect((await t.view()).spent).toBe("10.00");
    // Repeated later (a retried message): nothing more is released.
    expect((await t.act(a.id, "cancel")).status).toBe(200);
    expect((await t.orchestrator(`/v1/requests/${a.id}/cancel`, { method: "POST" })).status).toBe(200);
    expect((await t.view()).spent).toBe("10.00");
    expect((await t.act(b.id, "reject")).status).toBe(200);
    expect(await t.view()).toMatchObject({ spent: "0.00", remaining: "30.00" });
    // What was given back can be spent again, and no more.
    expect((await t.create(payout("30.00"))).status).toBe(201);
    expect((await t.create(payout("0.01"))).status).toBe(403);
  });

  it("releases once when expiry races a cancel", async ({ expect }) => {
    const t = await limitedClient({ outgoingBudget: { amount: "50.00", currency: "USD" } });
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const ids = [(await t.create(payout("10.00", { expiresAt }))).json.id, (await t.create(payout("10.00", { expiresAt }))).json.id];
    expect((await t.view()).spent).toBe("20.00");
    await new Promise((r) => setTimeout(r, 1600));
    const [cancelled] = await Promise.all([t.act(ids[0], "cancel"), runDurableObjectAlarm(t.stub), t.act(ids[1], "cancel")]);
    // The request is expired (cancel found it due) or cancelled, never both, and each gave back its 10 once.
    expect([200, 409]).toContain(cancelled.status);
    expect((await t.view()).spent).toBe("0.00");
    await runDurableObjectAlarm(t.stub);
    expect((await t.view()).spent).toBe("0.00");
  });

  it("approves at creation up to autoApproveUpTo, as the system, and leaves larger requests pending", async ({ expect }) => {
    const t = await limitedClient({ autoApproveUpTo: { amount: "5.00", currency: "USD" } });
    const small = await t.create(payout("5.00"));
    expect(small.json.status).toBe("approved");
    const large = await t.create(payout("5.01"));
    expect(large.json.status).toBe("pending_approval");
    const events = (await t.r.api(`/api/destinations/${t.dst}/requests/${small.json.id}/events`)).json.data;
    expect(events.map((e: { type: string }) => e.type)).toEqual(["request.created", "request.approved"]);
    expect(events[1].actor).toEqual({ type: "system" });
    expect((await t.r.api(`/api/destinations/${t.dst}/requests/${small.json.id}`)).json.status).toBe("approved");
    // The replay of an auto-approved create answers it as it was admitted: approved.
    const key = { "idempotency-key": "auto-1" };
    const first = await t.create(payout("1.00"), key);
    const again = await t.create(payout("1.00"), key);
    expect([first.json.status, again.json.status, again.headers.get("idempotent-replayed")]).toEqual(["approved", "approved", "true"]);
  });

  it("refuses a budget below what is spent (409) and an expiry in the past (400), on PATCH", async ({ expect }) => {
    const t = await limitedClient({ outgoingBudget: { amount: "100.00", currency: "USD" } });
    await t.create(payout("40.00"));
    const lowered = await t.patch({ outgoingBudget: { amount: "39.99", currency: "USD" } });
    expect([lowered.status, lowered.json.code]).toEqual([409, "conflict"]);
    const past = await t.patch({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect([past.status, past.json.code, past.json.errors[0].path]).toEqual([400, "validation_failed", "limits.expiresAt"]);
    const badCurrency = await t.patch({ outgoingBudget: { amount: "50.00", currency: "EUR" } });
    expect([badCurrency.status, badCurrency.json.errors[0].path]).toEqual([400, "limits.outgoingBudget.currency"]);
    const ok = await t.patch({ outgoingBudget: { amount: "40.00", currency: "USD" }, createsPerMinute: 30 });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ spent: "40.00", remaining: "0.00", limits: { createsPerMinute: 30 } });
    // The authority's clock decides "in the past": an expiry the Worker thought future, but the authority has passed, is 400.
    await advanceAuthorityClock(t.stub, 3600_000);
    const stale = await t.patch({ expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect(stale.status).toBe(400);
    // Without a budget there is nothing to measure spent against; the reservations stay and still release.
    expect((await t.patch({ outgoingBudget: null })).json).toMatchObject({
      spent: null,
      remaining: null,
      limits: { outgoingBudget: null },
    });
  });
});
