import type { RequestRow } from "../db/schema";
import { formatAmount, formatMinor } from "../lib/money";

/** A request as the API shows it: major-unit amount string, ISO times, who created it. */
export function serializeRequest(row: RequestRow) {
  return {
    id: row.id,
    destinationId: row.destinationId,
    direction: row.direction,
    amount: row.decimals === null ? formatAmount(row.amountMinor, row.currency) : formatMinor(row.amountMinor, row.decimals),
    currency: row.currency,
    status: row.status,
    createdBy:
      row.createdByType === "client"
        ? { type: "client" as const, clientId: row.createdByClientId!, clientName: row.createdByClientName ?? "" }
        : { type: "manual" as const },
    reference: row.reference,
    payer: row.payer,
    payee: row.payee,
    dueDate: row.dueDate,
    metadata: row.metadata,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export type RequestView = ReturnType<typeof serializeRequest>;
