import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, it } from "vitest";
import { database } from "../../../src/db/client";
import { sha256Hex } from "../../../src/lib/crypto";
import { destinations, requests } from "../../../src/db/schema";
import type { RequestStatus } from "../../../src/requests/request-status";
import { submitPayment } from "../../../src/payments/submit-payment";
import { outgoing } from "../../helpers/api";
import { wakeAuthority } from "../../helpers/authority";
import { chainTenant, incomingRequest, pay, submit, type ChainTenant } from "../../helpers/payments";
import { harness } from "../../helpers/harness";

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

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

/**
 * A fresh request of `direction` brought into `status` the way production gets there: recipient actions, a
 * payment on the run's local chain, or the authority's alarm past its expiry. Nothing writes its storage by hand.
 */
async function reach(t: ChainTenant, direction: "incoming" | "outgoing", status: RequestStatus): Promise<string> {
  const path = `/api/destinations/${t.dst}/requests`;
  const act = async (id: string, action: string, body?: unknown) => {
    const res = await t.r.api(`${path}/${id}/${action}`, { method: "POST", ...(body === undefined ? {} : { body }) });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${res.text}`);
  };
  // Every request may expire an hour from now; only "expired" lets the alarm run past that.
  const created =
    direction === "incoming"
      ? await incomingRequest(t, { expiresAt: inHours(1) })
      : ((await t.r.api(path, { body: outgoing({ expiresAt: inHours(1) }) })).json as { id: string });
  const id = created.id;
  if (status === "cancelled") await act(id, "cancel");
  else if (status === "approved") await act(id, "approve");
  else if (status === "rejected") await act(id, "reject", { reason: "Not ours" });
  else if (status === "expired") await wakeAuthority(t.dst, 2 * 3600_000);
  else if (status === "paid" && direction === "outgoing") {
    await act(id, "approve");
    await act(id, "mark-paid", { note: "Sent by bank transfer" });
  } else if (status === "paid" || status === "partially_paid") {
    const { txHash } = await pay(t, id, status === "paid" ? 12_500_000n : 5_000_000n);
    const res = await submit(t, id, { txHash });
    if (res.status !== 202) throw new Error(`payment: ${res.status} ${res.text}`);
  } else if (status === "processing") {
    // Short of its confirmations: the service under a chain configuration that asks three blocks of the local chain.
    const { txHash } = await pay(t, id, 12_500_000n);
    const db = database(env.DB);
    const d = (await db.select().from(destinations).where(eq(destinations.id, t.dst)).get())!;
    const r = (await db.select().from(requests).where(eq(requests.id, id)).get())!;
    const secretHash = await sha256Hex(t.shop.secret);
    const slowChain = { ...env, CHAIN_CONFIRMATIONS: '{"31337":3}' };
    await submitPayment(slowChain, d, r, {
      actor: { type: "client", clientId: t.shop.id, secretHash },
      txHash,
    });
  }
  const now = (await t.r.api(`${path}/${id}`)).json.status;
  if (now !== status) throw new Error(`reached ${now}, not ${status}`);
  return id;
}

describe("the request lifecycle table (recipient actions)", () => {
  it("outgoing requests start awaiting approval, incoming ones pending; both show expiresAt and amountPaid", async ({ expect }) => {
    const { manual } = await harness();
    expect(await manual("outgoing")).toMatchObject({ status: "pending_approval", amountPaid: "0.00", expiresAt: null });
    expect(await manual("incoming")).toMatchObject({ status: "pending", amountPaid: "0.000000" });
  });

  it("answers every row: allowed moves, idempotent repeats, and 409 invalid_state", { timeout: 120_000 }, async ({ expect }) => {
    const t = await chainTenant();
    const base = `/api/destinations/${t.dst}/requests`;
    for (const [direction, action, from, expected] of CASES) {
      const id = await reach(t, direction, from);
      const req = { id };
      const res = await t.r.api(`${base}/${id}/${action}`, { method: "POST" });
      const read = (x: string) => t.r.api(`${base}/${x}`);
      const where = `${direction} ${action} from ${from}`;
      if (expected === 409) {
        expect(res.status, where).toBe(409);
        expect(res.json.code, where).toBe("invalid_state");
        expect(res.json.detail, where).toContain(from);
      } else {
        expect(res.status, where).toBe(200);
        expect(res.json.status, where).toBe(expected);
        // What the answer says is what D1 now holds.
        expect((await read(req.id)).json.status, where).toBe(expected);
      }
    }
  });

  it("records each transition once, with its actor and reason, oldest first after request.created", async ({ expect }) => {
    const { manual, act, events } = await harness();
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
    const { manual, act, events } = await harness();
    const req = await manual("outgoing");
    expect((await act(req.id, "reject", { reason: "" })).status).toBe(400);
    expect((await act(req.id, "reject", { reason: "x", extra: 1 })).status).toBe(400);
    expect((await act("req_0000000000000000", "reject")).status).toBe(404);
    const rejected = await act(req.id, "reject", { reason: "Wrong payee" });
    expect(rejected.json.status).toBe("rejected");
    expect((await events(req.id)).json.data[1]).toMatchObject({ type: "request.rejected", data: { reason: "Wrong payee" } });
  });
});
