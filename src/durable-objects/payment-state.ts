import type { EventActor, RequestRow } from "../db/schema";
import { EXPIRABLE, PAYMENT_RULES, openStatus, paymentEventType, statusAfterPayments } from "../lifecycle/transitions";
import { CURRENCIES, formatMinor } from "../lib/money";
import { paymentFigures, serializeRequest } from "../services/request-view";
import type { OutboxRecord, PaymentActor, RecordPaymentInput, RecordPaymentResult, TransitionRecord } from "./authority-types";
import {
  inRequestUnits,
  insertDeclared,
  insertTransfer,
  livePayments,
  paymentById,
  paymentByLog,
  RECHECK_MS,
  toD1,
  updatePayment,
} from "./payment-store";
import { admitRequestState, applyTransition } from "./request-state";
import { recordEvent } from "./webhook-store";

/**
 * Payments in the authority, the single writer of request state (issue 8).
 * The Worker verified the transaction over RPC first; here, in one
 * transactionSync, the log is claimed for one request (or found already
 * used), amounts are summed in bigint minor units, the status follows the
 * payment rows of lifecycle/transitions.ts, and the event and outbox record
 * are written with it. No I/O happens in here.
 */

type StateRow = {
  id: string;
  status: RequestRow["status"];
  creator_client_id: string | null;
  expires_at: number | null;
  sequence: number;
  row: string;
};

const readState = (sql: SqlStorage, id: string) => sql.exec<StateRow>("SELECT * FROM requests WHERE id = ?", id).toArray()[0];

/** The request currency's exponent (a token-denominated request's is the token's). */
const decimalsOf = (row: RequestRow, tokenDecimals: number) => row.decimals ?? CURRENCIES[row.currency] ?? tokenDecimals;

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
  sql.exec("INSERT INTO outbox (id, record, admitted_at) VALUES (?, ?, ?)", eventId, JSON.stringify(record), now);
  return record;
}

/** Unattributed transfers: kept for the recipient to assign; a log already known stays as it is. */
function recordUnattributed(sql: SqlStorage, input: RecordPaymentInput, now: number): RecordPaymentResult {
  const records: OutboxRecord[] = [];
  for (const t of input.transfers) {
    if (paymentByLog(sql, t)) continue;
    const id = insertTransfer(sql, t, {
      requestId: null,
      confirmed: input.confirmed,
      required: input.required,
      decimals: input.tokenDecimals,
      now,
    });
    const record: OutboxRecord = { kind: "payment", row: toD1(paymentById(sql, id), input.destinationId) };
    records.push(record);
    sql.exec("INSERT INTO outbox (id, record, admitted_at) VALUES (?, ?, ?)", `${id}:${record.row.version}`, JSON.stringify(record), now);
  }
  return { outcome: "recorded", row: null, records };
}

/** One submitted payment, all or nothing. `checkSecret` as in applyTransition: a revoked client still pays its own. */
export function recordPayment(
  sql: SqlStorage,
  input: RecordPaymentInput,
  checkSecret: (clientId: string, secretHash: string) => boolean,
  now: number,
): RecordPaymentResult {
  const { actor } = input;
  if (actor.type === "client" && !checkSecret(actor.clientId, actor.secretHash)) return { outcome: "unauthenticated", records: [] };
  if (input.requestId === null) return recordUnattributed(sql, input, now);
  const requestId = input.requestId;
  if (input.adopt?.id === requestId && !readState(sql, requestId)) admitRequestState(sql, input.adopt);
  let state = readState(sql, requestId);
  if (!state) return { outcome: "not_found", records: [] };
  const records: OutboxRecord[] = [];
  // A due expiry first, so a late payment reads as late.
  if (state.expires_at !== null && state.expires_at <= now && EXPIRABLE.includes(state.status)) {
    records.push(...applyTransition(sql, { requestId, action: "expire", actor: { type: "system" } }, () => false, now).records);
    state = readState(sql, requestId)!;
  }
  const row = JSON.parse(state.row) as RequestRow;
  if (!PAYMENT_RULES[row.direction][input.kind].includes(row.status)) return { outcome: "invalid_state", row, records };
  const decimals = decimalsOf(row, input.tokenDecimals);
  const changed: string[] = [];
  let data: Record<string, string>;
  if (input.kind === "declared") {
    const due = BigInt(row.amountMinor) - paymentFigures(row).paid;
    if (due <= 0n) return { outcome: "invalid_state", row, records };
    changed.push(insertDeclared(sql, requestId, due, decimals, input.note ?? null, now));
    data = { declared: "true", amount: formatMinor(due, decimals), ...(input.note === undefined ? {} : { note: input.note }) };
  } else {
    const found = input.transfers.map((t) => ({ t, stored: paymentByLog(sql, t) }));
    // One log pays at most one request: any log another request holds refuses the whole submission.
    if (found.some(({ stored }) => stored && stored.request_id !== null && stored.request_id !== requestId && stored.status !== "dropped"))
      return { outcome: "already_used", records };
    for (const { t, stored } of found) {
      const fresh = { request_id: requestId, status: input.confirmed ? ("confirmed" as const) : ("confirming" as const) };
      if (!stored)
        changed.push(
          insertTransfer(sql, t, { requestId, confirmed: input.confirmed, required: input.required, decimals: input.tokenDecimals, now }),
        );
      else if (stored.request_id !== requestId || stored.status === "dropped" || (input.confirmed && stored.status === "confirming")) {
        updatePayment(sql, stored.id, {
          ...fresh,
          block_number: t.blockNumber,
          confirmed_at: input.confirmed ? now : null,
          recheck_at: input.confirmed ? null : now + RECHECK_MS,
        });
        changed.push(stored.id);
      }
    }
    if (changed.length === 0) return { outcome: "unchanged", row, records };
    const t = input.transfers[0]!;
    data = {
      txHash: t.txHash,
      amount: formatMinor(
        input.transfers.reduce((s, x) => s + BigInt(x.amountMinor), 0n),
        input.tokenDecimals,
      ),
    };
  }
  // audit: marked_paid (when input.actor is the recipient)
  const record = settle(sql, requestId, actor, changed, data, false, now);
  records.push(record);
  return { outcome: "recorded", row: record.row, records };
}
