import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, it } from "vitest";
import { writeRecords } from "../../../src/authority/record-writer";
import { database } from "../../../src/db/client";
import type { PendingRecord } from "../../../src/authority/outbox";
import { unwritten, wakeAuthority } from "../../helpers/authority";
import { newClient } from "../../helpers/api";
import { bothStores } from "./helpers";
import { harness } from "../../helpers/harness";

async function breakRequestsTable() {
  await env.DB.exec("ALTER TABLE requests RENAME TO requests_offline");
  return () => env.DB.exec("ALTER TABLE requests_offline RENAME TO requests");
}

describe("transitions are atomic across the authority and D1", () => {
  it("approve and reject racing: exactly one wins, the other is 409, D1 agrees with the authority", async ({ expect }) => {
    const { dst, manual, act } = await harness();
    for (let i = 0; i < 3; i++) {
      const req = await manual("outgoing");
      const results = await Promise.all([act(req.id, "approve"), act(req.id, "reject")]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!.json.status;
      const { authority, d1, events } = await bothStores(dst, req.id);
      expect(authority).toEqual({ status: winner, sequence: 1 });
      expect(d1).toEqual(authority);
      expect(events).toBe(1);
    }
  });

  it("cancel and approve racing end in one consistent state; many concurrent cancels make one event", async ({ expect }) => {
    const { dst, manual, act } = await harness();
    const req = await manual("outgoing");
    const results = await Promise.all([act(req.id, "cancel"), act(req.id, "approve")]);
    const { authority, d1, events } = await bothStores(dst, req.id);
    expect(authority.status).toBe("cancelled");
    expect(d1).toEqual(authority);
    // Either approve then cancel (both 200, two events) or cancel then approve (409, one event).
    expect(events).toBe(authority.sequence);
    expect(results[1]!.status === 200 ? 2 : 1).toBe(events);

    const other = await manual("incoming");
    const cancels = await Promise.all(Array.from({ length: 5 }, () => act(other.id, "cancel")));
    expect(cancels.map((c) => c.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await bothStores(dst, other.id)).toEqual({
      authority: { status: "cancelled", sequence: 1 },
      d1: { status: "cancelled", sequence: 1 },
      events: 1,
    });
  });

  it("a transition that D1 refused is written by its retry before the 200; a stale repeat never moves D1 back", async ({ expect }) => {
    const { dst, stub, manual, act, read, events } = await harness();
    const req = await manual("outgoing");
    const restore = await breakRequestsTable();
    const failed = await act(req.id, "approve");
    await restore();
    expect(failed.status).toBe(503);
    expect(failed.json.code).toBe("storage_unavailable");
    expect((await read(req.id)).json.status).toBe("pending_approval");
    expect(await unwritten(dst)).toBe(1); // the approval; the create reached D1 with its 201
    const stale = await runInDurableObject(stub, (_i, state) =>
      state.storage.sql.exec<{ id: string; record: string }>("SELECT id, record FROM outbox").toArray(),
    );
    // A retry of the same action answers the state the authority already holds, and D1 has it before the 200.
    expect((await act(req.id, "approve")).json.status).toBe("approved");
    expect(await unwritten(dst)).toBe(0);
    expect((await read(req.id)).json.status).toBe("approved");
    expect((await events(req.id)).json.data.map((e: { type: string }) => e.type)).toEqual(["request.created", "request.approved"]);
    // A later transition, then a stale repeat of the first (a duplicate write from the outbox): D1 never goes backwards.
    expect((await act(req.id, "cancel")).status).toBe(200);
    const repeat: PendingRecord[] = stale.map((r) => ({ id: r.id, record: JSON.parse(r.record) }));
    expect(await writeRecords(database(env.DB), repeat)).toEqual([{ id: repeat[0]!.id, error: null }]);
    expect(await bothStores(dst, req.id)).toEqual({
      authority: { status: "cancelled", sequence: 2 },
      d1: { status: "cancelled", sequence: 2 },
      events: 2,
    });
  });

  it("a transition of a request whose create has not reached D1 yet writes the row; the create's late insert leaves it", async ({
    expect,
  }) => {
    const { r, dst, stub, act, read } = await harness();
    const restore = await breakRequestsTable();
    const created = await r.api(`/api/destinations/${dst}/requests`, { body: { direction: "incoming", amount: "5", currency: "USDC" } });
    await restore();
    expect(created.status).toBe(503);
    const id = /req_[0-9a-z]{16}/.exec(created.json.detail)![0];
    const late = await runInDurableObject(stub, (_i, state) =>
      state.storage.sql.exec<{ id: string; record: string }>("SELECT id, record FROM outbox").toArray(),
    );
    // The cancel writes what is still unwritten about the request first: the create, then its own change.
    expect((await act(id, "cancel")).json.status).toBe("cancelled");
    expect(await unwritten(dst)).toBe(0);
    expect((await read(id)).json.status).toBe("cancelled");
    // The create's insert arriving again, late (a duplicate from the outbox), leaves the cancelled row.
    await writeRecords(
      database(env.DB),
      late.map((r) => ({ id: r.id, record: JSON.parse(r.record) })),
    );
    await wakeAuthority(dst, 60_000);
    expect(await bothStores(dst, id)).toEqual({
      authority: { status: "cancelled", sequence: 1 },
      d1: { status: "cancelled", sequence: 1 },
      events: 1,
    });
  });

  it("a request admitted before the authority kept request state (D1 only) is adopted on its first transition", async ({ expect }) => {
    const { r, dst, stub, manual, act, shop, byShop } = await harness();
    const legacy = await manual("outgoing");
    const own = await byShop("incoming");
    await runInDurableObject(stub, (_i, state) => {
      state.storage.sql.exec("DELETE FROM requests");
      state.storage.sql.exec("DELETE FROM outbox");
    });
    expect((await act(legacy.id, "approve")).json.status).toBe("approved");
    expect(await bothStores(dst, legacy.id)).toEqual({
      authority: { status: "approved", sequence: 1 },
      d1: { status: "approved", sequence: 1 },
      events: 1,
    });
    // Adoption keeps the creator check: a stranger still sees nothing, the creator cancels.
    const stranger = await newClient(r, dst, "Stranger");
    expect((await stranger.orchestrator(`/v1/requests/${own.id}/cancel`, { method: "POST" })).status).toBe(404);
    expect((await shop.orchestrator(`/v1/requests/${own.id}/cancel`, { method: "POST" })).json.status).toBe("cancelled");
  });
});
