import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { payments, refunds, requestEvents, type PaymentRow, type RefundRow, type RequestRow } from "../db/schema";
import { formatMinor } from "../lib/money";
import { serializeRequest } from "../requests/request-view";
import { isoTime, isoOrNull } from "../lib/iso-time";

/** One payment as a request's detail view lists it (the contract's `payments` items, plus declared ones). */
export function serializePayment(p: PaymentRow, detected: ReadonlySet<string> = new Set()) {
  return {
    txHash: p.txHash,
    logIndex: p.logIndex,
    chainId: p.chainId,
    from: p.fromAddress,
    amount: formatMinor(p.amountMinor, p.decimals),
    blockNumber: p.blockNumber,
    status: p.status === "confirmed" ? ("confirmed" as const) : ("confirming" as const),
    confirmedAt: isoOrNull(p.confirmedAt),
    declared: p.declared,
    note: p.note,
    detectedBy: p.txHash !== null && detected.has(p.txHash) ? ("chain_watch" as const) : null,
  };
}

/**
 * The transactions the chain watcher recorded first for a request: its events say so (data.detectedBy),
 * so the payment rows need no column of their own. Read only for a request that has payments.
 */
async function detectedTxHashes(db: Database, requestId: string): Promise<Set<string>> {
  const rows = await db
    .select({ txHash: sql<string>`json_extract(${requestEvents.data}, '$.txHash')` })
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, requestId), sql`json_extract(${requestEvents.data}, '$.detectedBy') IS NOT NULL`));
  return new Set(rows.map((r) => r.txHash));
}

/** A request's payments as D1 has them, oldest first; dropped (reorged) transactions are no payment. */
export async function requestPayments(db: Database, requestId: string): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.requestId, requestId), ne(payments.status, "dropped")))
    .orderBy(asc(payments.createdAt), asc(payments.id));
}

/** One refund as a request's detail view lists it. */
export function serializeRefund(r: RefundRow) {
  return {
    id: r.id,
    amount: formatMinor(r.amountMinor, r.decimals),
    txHash: r.txHash,
    chainId: r.chainId,
    to: r.toAddress,
    note: r.note,
    status: "confirmed" as const,
    createdAt: isoTime(r.createdAt),
  };
}

/** A request's refunds as D1 has them, oldest first; read only when its row says something was refunded. */
async function requestRefunds(db: Database, row: RequestRow) {
  if (((row.refundedMinor as string | undefined) ?? "0") === "0") return [];
  const rows = await db.select().from(refunds).where(eq(refunds.requestId, row.id)).orderBy(asc(refunds.createdAt), asc(refunds.id));
  return rows.map(serializeRefund);
}

/**
 * The detail view (GET one request): the request and its payments. A request
 * with nothing paid and nothing confirming has no live payment, so its read
 * stays the one D1 query of the hot GET.
 */
export async function requestDetail(db: Database, row: RequestRow) {
  const some = row.status === "processing" || (row.amountPaidMinor as string | undefined) !== "0";
  if (!some) return { ...serializeRequest(row), payments: [], refunds: [] };
  const [paid, detected, refunded] = await Promise.all([
    requestPayments(db, row.id),
    detectedTxHashes(db, row.id),
    requestRefunds(db, row),
  ]);
  return { ...serializeRequest(row), payments: paid.map((p) => serializePayment(p, detected)), refunds: refunded };
}
