import type { RequestRow } from "../db/schema";
import { EXPIRABLE, PAYMENT_RULES } from "../requests/transitions";
import { formatMinor } from "../lib/money";
import { paymentFigures } from "../requests/request-view";
import type { OutboxRecord, RecordPaymentInput, RecordPaymentResult } from "../authority/authority-types";
import { decimalsOf, readState, settle } from "./payment-settle";
import { insertDeclared, insertTransfer, paymentById, paymentByLog, RECHECK_MS, toD1, updatePayment } from "./payment-store";
import { admitRequestState, applyTransition } from "../requests/request-state";
import { recordAudit } from "../audit/audit-log";
import { loggedActor } from "../lib/actor";
import { outboxOf } from "../authority/outbox";

/**
 * Payments in the authority, the single writer of request state.
 * The Worker verified the transaction over RPC first; here, in one
 * transactionSync, the log is claimed for one request (or found already
 * used), amounts are summed in bigint minor units, the status follows the
 * payment rows of requests/transitions.ts, and the event and outbox record
 * are written with it (payment-settle.ts). No I/O happens in here.
 */

/** Unattributed transfers: kept for the recipient to assign; a log already known stays as it is. */
function recordUnattributed(sql: SqlStorage, input: RecordPaymentInput, now: number): RecordPaymentResult {
  const records: OutboxRecord[] = [];
  if (input.submittedFor !== undefined) {
    const held = input.transfers.map((t) => paymentByLog(sql, t)).filter((p) => p && p.request_id !== null && p.status !== "dropped");
    // One log pays one request, whichever rule tied it: another request's log is already_used; this one's, the same payment again.
    if (held.some((p) => p!.request_id !== input.submittedFor)) return { outcome: "payment_already_used", detail: ALREADY_USED, records };
    if (held.length > 0) {
      const state = readState(sql, input.submittedFor);
      return { outcome: "unchanged", row: state ? (JSON.parse(state.row) as RequestRow) : null, records };
    }
  }
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
    outboxOf(sql).put(record, now);
  }
  return { outcome: "recorded", row: null, records };
}

const ALREADY_USED = "A Transfer in this transaction already paid another request; one log pays one request.";
const noPayment = (row: RequestRow) => `This request is ${row.status}; it takes no such payment now.`;

/** One submitted payment, all or nothing. `checkSecret` as in applyTransition: a revoked client still pays its own. */
export function recordPayment(
  sql: SqlStorage,
  input: RecordPaymentInput,
  checkSecret: (clientId: string, secretHash: string) => boolean,
  now: number,
): RecordPaymentResult {
  const { actor } = input;
  if (actor.type === "client" && !checkSecret(actor.clientId, actor.secretHash)) return { outcome: "unauthenticated", records: [] };
  // A declaration moves money on nobody's proof but the recipient's word: no other actor may make one,
  // whatever a Worker in front of this let through (API v1.2, "Attribution, refined").
  if (input.kind === "declared" && actor.type !== "user")
    return { outcome: "permission_denied", detail: "Only the recipient declares a payment without a transaction.", records: [] };
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
  if (!PAYMENT_RULES[row.direction][input.kind].includes(row.status))
    return { outcome: "invalid_state", detail: noPayment(row), row, records };
  const decimals = decimalsOf(row, input.tokenDecimals);
  const changed: string[] = [];
  let data: Record<string, string>;
  if (input.kind === "declared") {
    const due = BigInt(row.amountMinor) - paymentFigures(row).paid;
    if (due <= 0n) return { outcome: "invalid_state", detail: noPayment(row), row, records };
    changed.push(insertDeclared(sql, requestId, due, decimals, input.note ?? null, now));
    data = { declared: "true", amount: formatMinor(due, decimals), ...(input.note === undefined ? {} : { note: input.note }) };
  } else {
    const found = input.transfers.map((t) => ({ t, stored: paymentByLog(sql, t) }));
    // One log pays at most one request: any log another request holds refuses the whole submission.
    if (found.some(({ stored }) => stored && stored.request_id !== null && stored.request_id !== requestId && stored.status !== "dropped"))
      return { outcome: "payment_already_used", detail: ALREADY_USED, records };
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
      ...(input.detectedBy === undefined ? {} : { detectedBy: input.detectedBy }),
    };
  }
  const record = settle(sql, requestId, actor, changed, data, false, now);
  // The recipient's mark-paid is an action the audit log names; payers' and clients' submissions are events only.
  if (actor.type === "user")
    recordAudit(sql, {
      at: now,
      actor: loggedActor(actor),
      action: "request.marked_paid",
      target: { type: "request", id: requestId },
      details: { status: record.row.status, ...data },
    });
  records.push(record);
  return { outcome: "recorded", row: record.row, records };
}
