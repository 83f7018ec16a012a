import { runDurableObjectAlarm } from "cloudflare:test";
import { describe, it } from "vitest";
import { signUp } from "../helpers/api";
import { limitedClient, payout } from "./helpers";
import { receiverHook } from "../webhooks/receiver";

type Entry = {
  id: string;
  at: string;
  action: string;
  actor: { type: string; userId?: string; clientId?: string };
  target: { type: string; id: string };
};

describe("the audit log", () => {
  it("records every recipient and client action, with actor and time, newest first", async ({ expect }) => {
    const t = await limitedClient({ autoApproveUpTo: { amount: "1.00", currency: "USD" } });
    const userId = t.r.user.id;
    const hook = (await t.r.api(`/api/destinations/${t.dst}/webhook-endpoints`, { body: { url: receiverHook("audit").url } })).json;
    await t.r.api(`/api/destinations/${t.dst}/webhook-endpoints/${hook.id}/rotate-secret`, { method: "POST" });
    await t.r.api(`/api/destinations/${t.dst}/webhook-endpoints/${hook.id}`, { method: "DELETE" });
    await t.patch({ createsPerMinute: 100 });
    await t.r.api(`/api/destinations/${t.dst}/clients/${t.client.id}/rotate-secret`, { body: { overlapSeconds: 60 } });
    const auto = (await t.create(payout("1.00"))).json;
    const [approve, reject, cancel] = [
      (await t.create(payout("2.00"))).json,
      (await t.create(payout("3.00"))).json,
      (await t.create(payout("4.00"))).json,
    ];
    await t.act(approve.id, "approve");
    const marked = await t.r.api(`/api/destinations/${t.dst}/requests/${approve.id}/mark-paid`, {
      body: { note: "Paid by bank transfer" },
    });
    expect(marked.json.status).toBe("paid");
    await t.act(reject.id, "reject");
    await t.orchestrator(`/v1/requests/${cancel.id}/cancel`, { method: "POST" });
    const expiring = (await t.create(payout("5.00", { expiresAt: new Date(Date.now() + 1000).toISOString() }))).json;
    await new Promise((r) => setTimeout(r, 1100));
    await runDurableObjectAlarm(t.stub);
    await t.r.api(`/api/destinations/${t.dst}/clients/${t.client.id}/revoke`, { method: "POST" });

    const log = (await t.r.api(`/api/destinations/${t.dst}/audit`)).json;
    const entries = [...(log.data as Entry[])].reverse();
    // Every user actor names the person: webhook endpoint changes used to lose the userId.
    const user = { type: "user", userId, email: t.r.email };
    expect(entries.map((e) => [e.action, e.actor, e.target.id])).toEqual([
      ["destination.claimed", user, t.dst],
      ["client.created", user, t.client.id],
      ["webhook_endpoint.created", user, hook.id],
      ["webhook_endpoint.secret_rotated", user, hook.id],
      ["webhook_endpoint.deleted", user, hook.id],
      ["client.limits_changed", user, t.client.id],
      ["client.secret_rotated", user, t.client.id],
      ["request.approved", { type: "system" }, auto.id],
      ["request.approved", user, approve.id],
      ["request.marked_paid", user, approve.id],
      ["request.rejected", user, reject.id],
      ["request.cancelled", { type: "client", clientId: t.client.id }, cancel.id],
      ["request.expired", { type: "system" }, expiring.id],
      ["client.revoked", user, t.client.id],
    ]);
    expect(log.nextCursor).toBeNull();
    const at = entries.map((e) => Date.parse(e.at));
    expect(at.every((x, i) => i === 0 || x >= at[i - 1]!)).toBe(true);
    expect(JSON.stringify(log)).not.toContain("prsk_" + t.dst.slice(4));
  });

  it("says what changed: a client's limits before and after, and what a rejection gave back to whose budget", async ({ expect }) => {
    const t = await limitedClient({ outgoingBudget: { amount: "100.00", currency: "USD" } });
    await t.patch({ outgoingBudget: { amount: "150.00", currency: "USD" }, createsPerMinute: 60 });
    const request = (await t.create(payout("40.00"))).json;
    expect((await t.act(request.id, "reject")).status).toBe(200);
    const log = (await t.r.api(`/api/destinations/${t.dst}/audit`)).json.data as (Entry & { details: Record<string, unknown> })[];
    const changed = log.find((e) => e.action === "client.limits_changed")!;
    expect(changed.details.before).toMatchObject({ outgoingBudget: { amount: "100.00", currency: "USD" }, createsPerMinute: 600 });
    expect(changed.details.limits).toMatchObject({ outgoingBudget: { amount: "150.00", currency: "USD" }, createsPerMinute: 60 });
    const rejected = log.find((e) => e.action === "request.rejected")!;
    expect(rejected.details).toEqual({
      status: "rejected",
      budgetReleased: "4000",
      budgetReleasedTo: t.client.id,
      budgetReleasedAmount: { amount: "40.00", currency: "USD" },
    });
  });

  it("pages newest first with nextCursor, refuses a foreign cursor, and hides another recipient's log", async ({ expect }) => {
    const t = await limitedClient({});
    for (let i = 1; i <= 55; i++) await t.patch({ createsPerMinute: i });
    const first = (await t.r.api(`/api/destinations/${t.dst}/audit`)).json;
    expect(first.data).toHaveLength(50);
    expect(first.data[0].details.limits.createsPerMinute).toBe(55);
    const second = (await t.r.api(`/api/destinations/${t.dst}/audit?cursor=${first.nextCursor}`)).json;
    expect(second.data.map((e: Entry) => e.action)).toEqual([
      "client.limits_changed",
      "client.limits_changed",
      "client.limits_changed",
      "client.limits_changed",
      "client.limits_changed",
      "client.created",
      "destination.claimed",
    ]);
    expect(second.nextCursor).toBeNull();
    expect((await t.r.api(`/api/destinations/${t.dst}/audit?cursor=abc`)).status).toBe(400);
    // One cursor format for every list, naming the list that issued it: the events catch-up's is refused here.
    const events = (await t.r.api(`/api/destinations/${t.dst}/events`)).json;
    const foreign = await t.r.api(`/api/destinations/${t.dst}/audit?cursor=${events.nextCursor}`);
    expect(foreign.status).toBe(400);
    expect(foreign.json.errors[0].path).toBe("cursor");
    // …and the audit's own cursor is refused by the events list.
    expect((await t.r.api(`/api/destinations/${t.dst}/events?cursor=${first.nextCursor}`)).status).toBe(400);
    const stranger = await signUp();
    expect((await stranger.api(`/api/destinations/${t.dst}/audit`)).status).toBe(404);
  });
});
