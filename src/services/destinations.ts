import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { destinations, type DestinationRow } from "../db/schema";
import { interopAddress } from "../lib/interop-address";
import { ApiError, notFound } from "../lib/problem";

/** A destination of this recipient, or 404: another recipient's destination does not exist for you. */
export async function ownedDestination(db: Database, userId: string, id: string): Promise<DestinationRow> {
  const row = await db.select().from(destinations).where(and(eq(destinations.id, id), eq(destinations.userId, userId))).get();
  if (!row) throw notFound("destination");
  return row;
}

/** Like ownedDestination, and claimed: only claimed destinations have clients and requests. */
export async function claimedDestination(db: Database, userId: string, id: string): Promise<DestinationRow> {
  const row = await ownedDestination(db, userId, id);
  if (row.status !== "claimed") throw new ApiError("conflict", "Claim this destination first: sign its challenge with the wallet.");
  return row;
}

export function serializeDestination(row: DestinationRow, now = Date.now()) {
  const live = row.status === "unclaimed" && row.claimChallenge !== null && (row.claimChallengeExpiresAt ?? 0) > now;
  return {
    id: row.id,
    label: row.label,
    chainId: row.chainId,
    walletAddress: row.walletAddress,
    tokenAddress: row.tokenAddress,
    interopAddress: interopAddress(row.chainId, row.walletAddress, row.tokenAddress),
    status: row.status,
    claimChallenge: live ? row.claimChallenge : null,
    claimChallengeExpiresAt: live ? new Date(row.claimChallengeExpiresAt!).toISOString() : null,
    claimedAt: row.claimedAt === null ? null : new Date(row.claimedAt).toISOString(),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
