import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { paymentLinks } from "../../db/schema";
import { isoTime } from "../../lib/iso-time";

/** More than any real request has; the list stays one bounded index scan. */
export const LINK_HISTORY_LIMIT = 100;

/**
 * A request's payment links, newest first, as the recipient's dashboard lists them.
 * Never the URL: D1 holds only the token's SHA-256, so an earlier link cannot be
 * shown again (only the response that created it, or its idempotent replay, had it).
 */
export async function listPaymentLinks(db: Database, destinationId: string, requestId: string, now = Date.now()) {
  const rows = await db
    .select()
    .from(paymentLinks)
    .where(and(eq(paymentLinks.requestId, requestId), eq(paymentLinks.destinationId, destinationId)))
    .orderBy(desc(paymentLinks.createdAt), desc(paymentLinks.id))
    .limit(LINK_HISTORY_LIMIT);
  return {
    data: rows.map((l) => ({
      id: l.id,
      createdAt: isoTime(l.createdAt),
      expiresAt: isoTime(l.expiresAt),
      createdBy: l.createdByClientId === null ? { type: "manual" as const } : { type: "client" as const, clientId: l.createdByClientId },
      status: l.expiresAt <= now ? ("expired" as const) : ("active" as const),
    })),
  };
}
