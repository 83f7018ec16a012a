import type { RequestRow } from "../db/schema";
import { EXPIRABLE } from "../lifecycle/transitions";
import { formatAmount, formatMinor } from "../lib/money";

const amountOf = (row: RequestRow, minor: string) =>
  row.decimals === null ? formatAmount(minor, row.currency) : formatMinor(minor, row.decimals);

/**
 * A request as the API shows it: major-unit amount string, ISO times, who created it.
 * A request still open past its `expiresAt` reads as `expired` at once: the
 * authority's alarm records the transition soon after, but no reader waits for it.
 */
export function serializeRequest(row: RequestRow, now = Date.now()) {
  const lapsed = row.expiresAt !== null && row.expiresAt <= now && EXPIRABLE.includes(row.status);
  return {
    id: row.id,
    destinationId: row.destinationId,
    direction: row.direction,
    amount: amountOf(row, row.amountMinor),
    // Payments are not verified yet: nothing is paid until they land, shown at the request's own precision.
    amountPaid: amountOf(row, "0"),
    currency: row.currency,
    status: lapsed ? ("expired" as const) : row.status,
    createdBy:
      row.createdByType === "client"
        ? { type: "client" as const, clientId: row.createdByClientId!, clientName: row.createdByClientName ?? "" }
        : { type: "manual" as const },
    reference: row.reference,
    payer: row.payer,
    payee: row.payee,
    dueDate: row.dueDate,
    metadata: row.metadata,
    expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt).toISOString(),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export type RequestView = ReturnType<typeof serializeRequest>;
