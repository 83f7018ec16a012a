import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { advanceAuthorityClock, wakeAuthority } from "../../helpers/authority";
import { describe, it } from "vitest";
import { bothStores } from "./helpers";
import { harness } from "../../helpers/harness";

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

/** Moves a request's expiry into the past in D1, the readers' store: they judge it against the Worker's own clock. */
async function lapseInD1(id: string) {
  await env.DB.prepare("UPDATE requests SET expires_at = ? WHERE id = ?")
    .bind(Date.now() - 1000, id)
    .run();
}

describe("request expiry", () => {
  it("takes expiresAt in the future and at most a year ahead (400 otherwise)", async ({ expect }) => {
    const { manual, r, dst } = await harness();
    const at = inHours(2);
    expect((await manual("incoming", { expiresAt: at })).expiresAt).toBe(new Date(at).toISOString());
    for (const expiresAt of [inHours(-1), inHours(24 * 367), "tomorrow", "2026-12-31"]) {
      const res = await r.api(`/api/destinations/${dst}/requests`, {
        body: { direction: "incoming", amount: "1", currency: "USDC", expiresAt },
      });
      expect(res.status, expiresAt).toBe(400);
      expect(res.json.errors[0].path, expiresAt).toBe("expiresAt");
    }
  });

  it("the alarm expires due requests (incoming pending, outgoing pending_approval and approved) as the system", async ({ expect }) => {
    const { dst, stub, manual, act, read, events } = await harness();
    const a = await manual("incoming", { expiresAt: inHours(1) });
    const b = await manual("outgoing", { expiresAt: inHours(1) });
    const c = await manual("outgoing", { expiresAt: inHours(1) });
    const notDue = await manual("incoming", { expiresAt: inHours(3) });
    const done = await manual("incoming", { expiresAt: inHours(1) });
    expect((await act(c.id, "approve")).status).toBe(200);
    expect((await act(done.id, "cancel")).status).toBe(200);
    // Two hours on the authority's clock: a, b, c and done are due, notDue is not.
    await wakeAuthority(dst, 2 * 3600_000);
    for (const x of [a, b, c]) {
      expect((await read(x.id)).json.status).toBe("expired");
      const list = (await events(x.id)).json.data;
      expect(list[list.length - 1]).toMatchObject({ type: "request.expired", actor: { type: "system" } });
    }
    expect((await bothStores(dst, c.id)).d1).toEqual({ status: "expired", sequence: 2 });
    expect((await read(notDue.id)).json.status).toBe("pending");
    expect((await read(done.id)).json.status).toBe("cancelled");
    // The alarm wrote its expiries to D1 itself: none waits in the outbox for a later drain.
    const waiting = await runInDurableObject(
      stub,
      (_i, state) => state.storage.sql.exec("SELECT 1 FROM outbox WHERE record LIKE '%request.expired%'").toArray().length,
    );
    expect(waiting).toBe(0);
    expect((await act(a.id, "cancel")).json.code).toBe("invalid_state");
  });

  it("reads show a lapsed request as expired before the alarm ran, and no action can move it", async ({ expect }) => {
    const { dst, stub, manual, act, read, shop, byShop } = await harness();
    const req = await manual("outgoing", { expiresAt: inHours(1) });
    const own = await byShop("incoming", { expiresAt: inHours(1) });
    await lapseInD1(req.id);
    await lapseInD1(own.id);
    // The authority's clock passes the expiry too, but its alarm has not run: the approve below finds it due.
    await advanceAuthorityClock(stub, 2 * 3600_000);
    expect((await read(req.id)).json.status).toBe("expired");
    expect((await shop.orchestrator(`/v1/requests/${own.id}`)).json.status).toBe("expired");
    // Lists agree with the rows: a lapsed request is listed as expired, not as what it stored.
    const listed = async (status: string) =>
      (await shop.orchestrator(`/v1/requests?status=${status}`)).json.data.map((x: { id: string }) => x.id);
    expect(await listed("expired")).toEqual([own.id]);
    expect(await listed("pending")).toEqual([]);
    // …and reads as expired in a list as in a get (a list once judged lapse against the row's index, not the time).
    const everything = (await shop.orchestrator("/v1/requests")).json.data as { id: string; status: string }[];
    expect(everything.find((x) => x.id === own.id)?.status).toBe("expired");
    const link = await shop.orchestrator(`/v1/requests/${own.id}/payment-links`, { method: "POST" });
    expect(link.status).toBe(409);
    expect(link.json.detail).toContain("expired");
    expect((await bothStores(dst, req.id)).authority.status).toBe("pending_approval");
    // The approve finds the expiry due first: it records it, then refuses.
    const approve = await act(req.id, "approve");
    expect(approve.status).toBe(409);
    expect(approve.json.detail).toContain("expired");
    expect(await bothStores(dst, req.id)).toEqual({
      authority: { status: "expired", sequence: 1 },
      d1: { status: "expired", sequence: 1 },
      events: 1,
    });
    expect((await shop.orchestrator(`/v1/requests/${own.id}/cancel`, { method: "POST" })).json.code).toBe("invalid_state");
  });
});
