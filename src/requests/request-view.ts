import type { RequestRow } from "../db/schema";
import { EXPIRABLE } from "./transitions";
import { isoTime } from "../lib/iso-time";
import { formatAmount, formatMinor } from "../lib/money";

const amountOf = (row: RequestRow, minor: string) =>
  row.decimals === null ? formatAmount(minor, row.currency) : formatMinor(minor, row.decimals);

/**
 * Paid, paid beyond the amount, owed back (a cancelled request paid anyway) and refunded, in the request's
 * minor units. Refunds leave `paid` (the gross) and `due` alone and shrink what is still owed back: the excess
 * of an overpayment, or all of a cancelled request's payments.
 */
export function paymentFigures(row: RequestRow) {
  // Rows recorded before payments (or refunds) existed carry no such key in the authority's JSON.
  const paid = BigInt((row.amountPaidMinor as string | undefined) ?? "0");
  const refunded = BigInt((row.refundedMinor as string | undefined) ?? "0");
  const amount = BigInt(row.amountMinor);
  const net = paid - refunded;
  return {
    paid,
    refunded,
    due: paid >= amount ? 0n : amount - paid,
    overpaid: row.status !== "cancelled" && net > amount ? net - amount : 0n,
    refund: row.status === "cancelled" && net > 0n ? net : 0n,
  };
}

const NOTHING_PAID = { paid: 0n, overpaid: 0n, refund: 0n, refunded: 0n } as const;

/** A request amount in its own currency's precision. */
export const requestAmount = amountOf;

/**
 * A request as the API shows it: major-unit amount string, ISO times, who created it.
 * A request still open past its `expiresAt` reads as `expired` at once: the
 * authority's alarm records the transition soon after, but no reader waits for it.
 */
export function serializeRequest(row: RequestRow, now = Date.now()) {
  const lapsed = row.expiresAt !== null && row.expiresAt <= now && EXPIRABLE.includes(row.status);
  // Most requests have no payment yet: no BigInt arithmetic for them.
  const { paid, overpaid, refund, refunded } = (row.amountPaidMinor ?? "0") === "0" ? NOTHING_PAID : paymentFigures(row);
  return {
    id: row.id,
    destinationId: row.destinationId,
    direction: row.direction,
    amount: amountOf(row, row.amountMinor),
    amountPaid: amountOf(row, paid.toString()),
    ...(overpaid > 0n ? { overpaidBy: amountOf(row, overpaid.toString()) } : {}),
    ...(row.paidLate ? { paidLate: true } : {}),
    ...(refund > 0n ? { refundDue: amountOf(row, refund.toString()) } : {}),
    ...(refunded > 0n ? { refunded: amountOf(row, refunded.toString()) } : {}),
    currency: row.currency,
    status: lapsed ? ("expired" as const) : row.status,
    createdBy:
      row.createdByType === "client"
        ? { type: "client" as const, clientId: row.createdByClientId!, clientName: row.createdByClientName ?? "" }
        : { type: "manual" as const },
    reference: row.reference,
    payer: row.payer,
    payee: row.payee,
    // Rows admitted before these fields existed carry no key in the authority's JSON.
    context: row.context ?? null,
    endToEndId: row.endToEndId ?? null,
    payerRef: row.payerRef ?? null,
    dueDate: row.dueDate,
    metadata: row.metadata,
    expiresAt: row.expiresAt === null ? null : isoTime(row.expiresAt),
    createdAt: isoTime(row.createdAt),
    updatedAt: isoTime(row.updatedAt),
  };
}

export type RequestView = ReturnType<typeof serializeRequest>;
