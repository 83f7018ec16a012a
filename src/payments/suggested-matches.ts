import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { requests } from "../db/schema";
import { decimalsFor, rescaleExact } from "../lib/money";

/**
 * Suggested matches for unattributed payments: the one open incoming request
 * of the destination that is due exactly the amount that arrived. Two or more
 * candidates suggest nothing: a guess between them is the recipient's to make.
 */
type Due = { id: string; dueMinor: bigint; decimals: number };

/** What each open incoming request of the destination still waits for. */
export async function openDues(db: Database, destinationId: string, tokenDecimals: number): Promise<Due[]> {
  const rows = await db
    .select({
      id: requests.id,
      amount: requests.amountMinor,
      paid: requests.amountPaidMinor,
      decimals: requests.decimals,
      currency: requests.currency,
    })
    .from(requests)
    .where(
      and(
        eq(requests.destinationId, destinationId),
        eq(requests.direction, "incoming"),
        inArray(requests.status, ["pending", "processing", "partially_paid"]),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    dueMinor: BigInt(r.amount) - BigInt(r.paid),
    decimals: decimalsFor(r, tokenDecimals),
  }));
}

/** The request to suggest for a payment of `amountMinor` (at `decimals`), or null unless exactly one is due that much. */
export function suggestionFor(dues: readonly Due[], amountMinor: string, decimals: number): string | null {
  const matches = dues.filter((d) => d.dueMinor > 0n && rescaleExact(BigInt(amountMinor), decimals, d.decimals) === d.dueMinor);
  return matches.length === 1 ? matches[0]!.id : null;
}
