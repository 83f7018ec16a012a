import type { Actor } from "../lib/actor";
import type { RequestRow } from "../db/schema";
import { openStatus, paymentEventType, statusAfterPayments } from "../requests/transitions";
import { decimalsFor } from "../lib/money";
import type { TransitionRecord } from "../authority/authority-types";
import { inRequestUnits, livePayments, paymentById, toD1 } from "./payment-store";
import { writeStatus } from "../requests/request-state";

/**
 * A request recomputed from its payments, inside the authority's
 * transactionSync: shared by a new payment (payment-state.ts) and the alarm's
 * re-check (payment-recheck.ts), so both derive status and amounts alike.
 */

type StateRow = {
  id: string;
  status: RequestRow["status"];
  creator_client_id: string | null;
  expires_at: number | null;
  sequence: number;
  row: string;
};

export const readState = (sql: SqlStorage, id: string) => sql.exec<StateRow>("SELECT * FROM requests WHERE id = ?", id).toArray()[0];

/** The request currency's exponent (a token-denominated request's is the token's). */
export const decimalsOf = (row: RequestRow, tokenDecimals: number) => decimalsFor(row, tokenDecimals);

/**
 * Recomputes a request from its live payments and records the change as one
 * status change through request-state.ts's writeStatus (state, event, outbox,
 * after-transition hooks). `changed` are the payment ids this step wrote,
 * carried to D1 with the request.
 */
export function settle(
  sql: SqlStorage,
  requestId: string,
  actor: Actor,
  changed: string[],
  data: Record<string, string>,
  dropped: boolean,
  now: number,
): TransitionRecord {
  const state = readState(sql, requestId)!;
  const before = JSON.parse(state.row) as RequestRow;
  const decimals = decimalsOf(before, 0);
  const live = livePayments(sql, requestId);
  const paid = live.filter((p) => p.status === "confirmed").reduce((sum, p) => sum + inRequestUnits(p, decimals), 0n);
  const confirming = live.some((p) => p.status === "confirming");
  const lapsed = before.expiresAt !== null && before.expiresAt <= now;
  const open = openStatus(before.direction, lapsed);
  const status = statusAfterPayments(before.status, open, { amount: BigInt(before.amountMinor), paid, confirming });
  const row: RequestRow = {
    ...before,
    status,
    amountPaidMinor: paid.toString(),
    paidLate: before.paidLate || (before.status === "expired" && status !== "expired"),
  };
  const payments = changed.map((id) => toD1(paymentById(sql, id), row.destinationId));
  const type = paymentEventType(before.status, status, dropped);
  const record = writeStatus(sql, { row, sequenceBefore: state.sequence, type, actor, data, payments }, now);
  return record;
}
