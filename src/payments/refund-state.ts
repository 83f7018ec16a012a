import type { RefundRow, RequestRow } from "../db/schema";
import { newId } from "../lib/ids";
import { formatMinor } from "../lib/money";
import { recordAudit } from "../audit/audit-log";
import { invalidField } from "../authority/outcomes";
import type { RecordRefundInput, RecordRefundResult } from "../authority/authority-types";
import { decimalsOf, readState } from "./payment-settle";
import { inRequestUnits, livePayments } from "./payment-store";
import { writeStatus } from "../requests/request-state";
import { loggedActor } from "../lib/actor";

/**
 * Refunds in the authority (API v1.2, "What the seeds still ask"; seed 003): the recipient sends money back to
 * a payer and says so. Inside one transactionSync: what may still be refunded is read from the payments the
 * authority itself recorded (confirmed ones, less refunds so far), so two racing refunds can never exceed what
 * was paid; a verified refund's recipient must be a wallet one of those payments came from. The request keeps
 * its status and gross `amountPaid`; its `refundedMinor` rises, which shrinks `refundDue` and `overpaidBy`.
 */

type StoredRefund = {
  id: string;
  request_id: string;
  amount_minor: string;
  chain_id: number | null;
  tx_hash: string | null;
  log_index: number | null;
  to_address: string | null;
  note: string | null;
  created_at: number;
};

const toD1 = (r: StoredRefund, row: RequestRow, decimals: number): RefundRow => ({
  id: r.id,
  destinationId: row.destinationId,
  requestId: r.request_id,
  amountMinor: r.amount_minor,
  decimals,
  chainId: r.chain_id,
  txHash: r.tx_hash,
  logIndex: r.log_index,
  toAddress: r.to_address,
  note: r.note,
  createdAt: r.created_at,
});

/** Confirmed payments in the request's minor units, and the wallets they came from (lowercase). */
function paidIn(sql: SqlStorage, row: RequestRow, decimals: number) {
  const confirmed = livePayments(sql, row.id).filter((p) => p.status === "confirmed");
  return {
    paid: confirmed.reduce((sum, p) => sum + inRequestUnits(p, decimals), 0n),
    payers: new Set(confirmed.flatMap((p) => (p.from_address ? [p.from_address.toLowerCase()] : []))),
  };
}

const refundedSoFar = (sql: SqlStorage, requestId: string) =>
  sql
    .exec<{ amount_minor: string }>("SELECT amount_minor FROM refunds WHERE request_id = ?", requestId)
    .toArray()
    .reduce((sum, r) => sum + BigInt(r.amount_minor), 0n);

const NOTHING_TO_REFUND = "Nothing confirmed was paid to this request that is not refunded already.";

/** One refund, all or nothing: the refund row, the request's new refunded total, its event and audit entry. */
export function recordRefund(sql: SqlStorage, input: RecordRefundInput, now: number): RecordRefundResult {
  const state = readState(sql, input.requestId);
  if (!state) return { outcome: "not_found", records: [] };
  const row = JSON.parse(state.row) as RequestRow;
  const decimals = decimalsOf(row, 0);
  const t = input.transfer;
  if (t) {
    const used = sql
      .exec<StoredRefund>("SELECT * FROM refunds WHERE chain_id = ? AND tx_hash = ? AND log_index = ?", t.chainId, t.txHash, t.logIndex)
      .toArray()[0];
    if (used && used.request_id !== row.id)
      return {
        outcome: "payment_already_used",
        detail: "This transaction already refunds another request; one transaction refunds one request.",
        records: [],
      };
    if (used) return { outcome: "replayed", refund: toD1(used, row, decimals), row, records: [] };
  }
  if (row.direction !== "incoming") return { outcome: "invalid_state", detail: NOTHING_TO_REFUND, row, records: [] };
  const { paid, payers } = paidIn(sql, row, decimals);
  const refunded = refundedSoFar(sql, row.id);
  const refundable = paid - refunded;
  if (refundable <= 0n) return { outcome: "invalid_state", detail: NOTHING_TO_REFUND, row, records: [] };
  const amount = BigInt(input.amountMinor);
  if (amount > refundable) {
    const left = `${formatMinor(refundable, decimals)} ${row.currency}`;
    const refused = invalidField(
      "amount",
      `At most ${left} can be refunded: what was paid, less earlier refunds.`,
      `The refund exceeds what was paid: at most ${left} is left to refund.`,
    );
    return { ...refused, row, records: [] };
  }
  if (t && !payers.has(t.to.toLowerCase()))
    return {
      outcome: "payment_mismatch",
      detail:
        "Wrong recipient: the transaction's Transfer goes to a wallet that did not pay this request; a refund goes back to a payer's wallet.",
      records: [],
    };

  const stored: StoredRefund = {
    id: newId("rfd"),
    request_id: row.id,
    amount_minor: amount.toString(),
    chain_id: t?.chainId ?? null,
    tx_hash: t?.txHash ?? null,
    log_index: t?.logIndex ?? null,
    to_address: t?.to.toLowerCase() ?? null,
    note: input.note ?? null,
    created_at: now,
  };
  sql.exec(
    `INSERT INTO refunds (id, request_id, amount_minor, chain_id, tx_hash, log_index, to_address, note, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ...Object.values(stored),
  );
  const refund = toD1(stored, row, decimals);
  const data: Record<string, string> = {
    refundId: stored.id,
    amount: formatMinor(amount, decimals),
    ...(stored.tx_hash ? { txHash: stored.tx_hash } : {}),
    ...(stored.note ? { note: stored.note } : {}),
  };
  const after: RequestRow = { ...row, refundedMinor: (refunded + amount).toString() };
  const record = writeStatus(
    sql,
    { row: after, sequenceBefore: state.sequence, type: "request.refunded", actor: input.actor, data, refunds: [refund] },
    now,
  );
  recordAudit(sql, {
    at: now,
    actor: loggedActor(input.actor),
    action: "request.refunded",
    target: { type: "request", id: row.id },
    details: data,
  });
  return { outcome: "recorded", refund, row: record.row, records: [record] };
}
