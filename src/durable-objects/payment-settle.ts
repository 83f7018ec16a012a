import type { EventActor, RequestRow } from "../db/schema";
import { openStatus, paymentEventType, statusAfterPayments } from "../lifecycle/transitions";
import { CURRENCIES } from "../lib/money";
import { serializeRequest } from "../services/request-view";
import type { PaymentActor, TransitionRecord } from "./authority-types";
import { inRequestUnits, livePayments, paymentById, toD1 } from "./payment-store";
import { recordEvent } from "./webhook-store";
import { outboxOf } from "./outbox";

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
export const decimalsOf = (row: RequestRow, tokenDecimals: number) => row.decimals ?? CURRENCIES[row.currency] ?? tokenDecimals;

const eventActor = (a: PaymentActor): EventActor => (a.type === "client" ? { type: "client", clientId: a.clientId } : { type: a.type });

/**
 * Recomputes a request from its live payments and records the change as one
 * transition (status, amountPaid, paidLate, event, outbox). `changed` are the
 * payment ids this step wrote, carried to D1 with the request.
 */
export function settle(
  sql: SqlStorage,
  requestId: string,
  actor: PaymentActor,
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
  const sequence = state.sequence + 1;
  const row: RequestRow = {
    ...before,
    status,
    statusSequence: sequence,
    updatedAt: now,
    amountPaidMinor: paid.toString(),
    paidLate: before.paidLate || (before.status === "expired" && status !== "expired"),
  };
  const type = paymentEventType(before.status, status, dropped);
  const { eventId } = recordEvent(sql, {
    type,
    at: now,
    object: serializeRequest(row, now),
    subject: { kind: "request", requestId, direction: row.direction, creatorClientId: row.createdByClientId },
  });
  sql.exec("UPDATE requests SET status = ?, sequence = ?, row = ? WHERE id = ?", status, sequence, JSON.stringify(row), requestId);
  const record: TransitionRecord = {
    kind: "transition",
    row,
    event: { id: eventId, requestId, destinationId: row.destinationId, type, actor: eventActor(actor), data, at: now, sequence },
    payments: changed.map((id) => toD1(paymentById(sql, id), row.destinationId)),
  };
  outboxOf(sql).put(record, now);
  return record;
}
