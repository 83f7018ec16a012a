import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { payments } from "../db/schema";
import { decodeCursor, encodeCursor } from "../lib/cursor";
import { formatMinor } from "../lib/money";
import { ApiError } from "../lib/problem";
import { openDues, suggestionFor } from "./suggested-matches";
import { isoTime } from "../lib/iso-time";

const PAGE = 20;

/**
 * Verified transfers to a destination that no request could claim (a
 * submission without reference, signature or payer wallet), newest first.
 * The recipient assigns one with mark-paid and its hash (the dashboard offers the suggested request); it then leaves this list.
 */
export async function listUnattributed(db: Database, destinationId: string, cursorText: string | undefined) {
  const cursor = cursorText === undefined ? undefined : decodeCursor(cursorText);
  if (cursor === null)
    throw new ApiError("validation_failed", "The cursor is not one this API issued.", [{ path: "cursor", message: "Invalid cursor." }]);
  const rows = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.destinationId, destinationId),
        isNull(payments.requestId),
        ne(payments.status, "dropped"),
        cursor ? sql`(${payments.createdAt}, ${payments.id}) < (${cursor.createdAt}, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(PAGE + 1);
  const page = rows.slice(0, PAGE);
  const last = page[page.length - 1];
  const dues = page.length === 0 ? [] : await openDues(db, destinationId, page[0]!.decimals);
  return {
    data: page.map((p) => ({
      id: p.id,
      txHash: p.txHash!,
      logIndex: p.logIndex!,
      chainId: p.chainId!,
      from: p.fromAddress!,
      amount: formatMinor(p.amountMinor, p.decimals),
      blockNumber: p.blockNumber,
      status: p.status === "confirmed" ? ("confirmed" as const) : ("confirming" as const),
      createdAt: isoTime(p.createdAt),
      suggestedRequestId: suggestionFor(dues, p.amountMinor, p.decimals),
    })),
    nextCursor: rows.length > PAGE && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}
