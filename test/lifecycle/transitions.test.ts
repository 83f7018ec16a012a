import { describe, it } from "vitest";
import type { RequestStatus } from "../../src/lib/request-status";
import { forceStatus, lifecycleSetup } from "./helpers";

type Case = [
  direction: "incoming" | "outgoing",
  action: "cancel" | "approve" | "reject",
  from: RequestStatus,
  expected: RequestStatus | 409,
];

/**
 * The contract's lifecycle table, row by row, written out by hand (not read
 * from transitions.ts, so the test checks the table rather than repeat it):
 * each allowed move, each repeat of a move already made (200, unchanged), and
 * each status that forbids the action (409 invalid_state).
 */
const CASES: Case[] = [
  ["incoming", "cancel", "pending", "cancelled"],
  ["incoming", "cancel", "cancelled", "cancelled"],
  ...(["processing", "partially_paid", "paid", "expired"] as const).map((s): Case => ["incoming", "cancel", s, 409]),
  ["incoming", "approve", "pending", 409],
  ["incoming", "reject", "pending", 409],
  ["outgoing", "approve", "pending_approval", "approved"],
  ["outgoing", "approve", "approved", "approved"],
  ...(["rejected", "cancelled", "expired", "paid"] as const).map((s): Case => ["outgoing", "approve", s, 409]),
  ["outgoing", "reject", "pending_approval", "rejected"],
  ["outgoing", "reject", "rejected", "rejected"],
  ...(["approved", "cancelled", "expired", "paid"] as const).map((s): Case => ["outgoing", "reject", s, 409]),
  ["outgoing", "cancel", "pending_approval", "cancelled"],
  ["outgoing", "cancel", "approved", "cancelled"],
  ["outgoing", "cancel", "cancelled", "cancelled"],
  ...(["rejected", "expired", "paid"] as const).map((s): Case => ["outgoing", "cancel", s, 409]),
];

describe("the request lifecycle table (recipient actions)", () => {
  it("outgoing requests start awaiting approval, incoming ones pending; both show expiresAt and amountPaid", async ({ expect }) => {
    const { manual } = await lifecycleSetup();
    expect(await manual("outgoing")).toMatchObject({ status: "pending_approval", amountPaid: "0.00", expiresAt: null });
    expect(await manual("incoming")).toMatchObject({ status: "pending", amountPaid: "0.000000" });
  });

  it("answers every row: allowed moves, idempotent repeats, and 409 invalid_state", async ({ expect }) => {
    const { dst, manual, act, read } = await lifecycleSetup();
    for (const [direction, action, from, expected] of CASES) {
      const req = await manual(direction);
      if (from !== req.status) await forceStatus(dst, req.id, from);
      const res = await act(req.id, action);
      const where = `${direction} ${action} from ${from}`;
      if (expected === 409) {
        expect(res.status, where).toBe(409);
        expect(res.json.code, where).toBe("invalid_state");
        expect(res.json.detail, where).toContain(from);
      } else {
        expect(res.status, where).toBe(200);
        expect(res.json.status, where).toBe(expected);
        // What the answer says is what D1 now holds (unless nothing moved: a forced status never reached D1).
        if (from !== expected) expect((await read(req.id)).json.status, where).toBe(expected);
      }
    }
  });

  it("records each transition once, with its actor and reason, oldest first after request.created", async ({ expect }) => {
    const { manual, act, events } = await lifecycleSetup();
    const req = await manual("outgoing");
    expect((await act(req.id, "approve")).status).toBe(200);
    expect((await act(req.id, "approve")).json.status).toBe("approved");
    expect((await act(req.id, "cancel", { reason: "Paid by cheque instead" })).status).toBe(200);
    expect((await act(req.id, "cancel")).status).toBe(200);
    const list = (await events(req.id)).json.data as { id: string; type: string; createdAt: string; actor: unknown; data: unknown }[];
    expect(list.map((e) => e.type)).toEqual(["request.created", "request.approved", "request.cancelled"]);
    expect(list.map((e) => e.actor)).toEqual([{ type: "user" }, { type: "user" }, { type: "user" }]);
    expect(list[2]!.data).toMatchObject({ reason: "Paid by cheque instead", object: { id: req.id, status: "cancelled" } });
    expect(new Set(list.map((e) => e.id)).size).toBe(3);
    expect([...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt))).toEqual(list);
  });

  it("rejects with a reason; bad reasons are 400, unknown requests 404", async ({ expect }) => {
    const { manual, act, events } = await lifecycleSetup();
    const req = await manual("outgoing");
    expect((await act(req.id, "reject", { reason: "" })).status).toBe(400);
    expect((await act(req.id, "reject", { reason: "x", extra: 1 })).status).toBe(400);
    expect((await act("req_0000000000000000", "reject")).status).toBe(404);
    const rejected = await act(req.id, "reject", { reason: "Wrong payee" });
    expect(rejected.json.status).toBe("rejected");
    expect((await events(req.id)).json.data[1]).toMatchObject({ type: "request.rejected", data: { reason: "Wrong payee" } });
  });
});
