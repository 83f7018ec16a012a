import { and, desc, eq } from "drizzle-orm";
import type { TokenProfile } from "../payments/chains/currency";
import { knownToken } from "../payments/chains/tokens";
import type { Database } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { destinationMembers, destinations, type DestinationRow, type MemberRole } from "../db/schema";
import type { DestinationProfile } from "../authority/authority-types";
import { interopAddress } from "../lib/interop-address";
import { ApiError } from "../lib/problem";
import { isoTime } from "../lib/iso-time";
import { creatorAsOwner } from "../accounts/members";

/** Only claimed destinations have clients, requests, webhooks and members: 409 before. */
export function requireClaimed(row: DestinationRow): DestinationRow {
  if (row.status !== "claimed") throw new ApiError("conflict", "Claim this destination first: sign its challenge with the wallet.");
  return row;
}

/** The destinations this user is a member of, each with their role, newest first. */
export async function listDestinations(db: Database, userId: string): Promise<(DestinationRow & { role: MemberRole })[]> {
  const rows = await db
    .select({ destination: destinations, role: destinationMembers.role })
    .from(destinationMembers)
    .innerJoin(destinations, eq(destinations.id, destinationMembers.destinationId))
    .where(eq(destinationMembers.userId, userId))
    .orderBy(desc(destinations.createdAt));
  return rows.map((r) => ({ ...r.destination, role: r.role }));
}

/**
 * Adds an unclaimed destination with its creator as owner, in one batch; 409
 * when this recipient already added the same wallet, chain and token (then
 * the member insert finds no destination row to join and adds nothing).
 */
export async function insertDestination(db: Database, row: DestinationRow): Promise<void> {
  const [inserted] = await db.batch([
    db.insert(destinations).values(row).onConflictDoNothing().returning({ id: destinations.id }),
    creatorAsOwner(db, row),
  ]);
  if (inserted.length === 0) throw new ApiError("conflict", "You already added this wallet, chain and token.");
}

export async function saveChallenge(db: Database, id: string, challenge: string, expiresAt: number): Promise<void> {
  await db.update(destinations).set({ claimChallenge: challenge, claimChallengeExpiresAt: expiresAt }).where(eq(destinations.id, id));
}

/** Renames (label, display name); what is undefined stays. */
export async function renameDestination(
  db: Database,
  id: string,
  names: { label?: string | null; displayName?: string | null },
): Promise<DestinationRow> {
  const set = Object.fromEntries(Object.entries(names).filter(([, v]) => v !== undefined));
  return (await db.update(destinations).set(set).where(eq(destinations.id, id)).returning().get())!;
}

/**
 * Claims with the exact challenge that was signed, clearing it in the same
 * statement, so a challenge is used once, by one request. The partial unique
 * index refuses a wallet+chain+token another recipient already claimed.
 */
export async function markClaimed(db: Database, id: string, challenge: string, now: number): Promise<DestinationRow> {
  try {
    const claimed = await db
      .update(destinations)
      .set({ status: "claimed", claimedAt: now, claimChallenge: null, claimChallengeExpiresAt: null })
      .where(and(eq(destinations.id, id), eq(destinations.claimChallenge, challenge)))
      .returning()
      .get();
    if (!claimed) throw new ApiError("conflict", "This challenge was already used; request a new one.");
    return claimed;
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError("conflict", "Another recipient has already claimed this wallet, chain and token.");
    throw err;
  }
}

/**
 * The token a destination receives: the known-token table first, else what the recipient declared.
 * On a local development chain (Hardhat's 31337, which no deployment serves) a token declared as a
 * stablecoin's symbol is pegged as that stablecoin is, so the local Demo USD takes `currency: "USD"`
 * exactly as USDC does; it still never enters the known-token table (nothing takes it for real USDC).
 */
export function tokenOf(row: Pick<DestinationRow, "chainId" | "tokenAddress" | "tokenSymbol" | "tokenDecimals">): TokenProfile {
  const known = knownToken(row.chainId, row.tokenAddress);
  if (known) return { symbol: known.symbol, decimals: known.decimals, peggedTo: known.peggedTo ?? null };
  const symbol = row.tokenSymbol ?? "TOKEN";
  const peggedTo = LOCAL_CHAINS.has(row.chainId) ? (LOCAL_PEGS[symbol] ?? null) : null;
  return { symbol, decimals: row.tokenDecimals ?? 18, peggedTo };
}

/** Hardhat's and anvil's local chain ids: development only. */
const LOCAL_CHAINS = new Set([31337]);
const LOCAL_PEGS: Readonly<Record<string, string>> = { USDC: "USD", USDT: "USD", EURC: "EUR" };

/** What the destination's authority is told about it, by the recipient's side only; the claimer's email names them in the audit. */
export const destinationProfile = (row: DestinationRow, claimerEmail: string): DestinationProfile => ({
  id: row.id,
  token: tokenOf(row),
  ...(row.claimedAt === null ? {} : { claim: { at: row.claimedAt, userId: row.userId, email: claimerEmail } }),
});

export function serializeDestination(row: DestinationRow, role: MemberRole, now = Date.now()) {
  const live = row.status === "unclaimed" && row.claimChallenge !== null && (row.claimChallengeExpiresAt ?? 0) > now;
  const token = tokenOf(row);
  return {
    id: row.id,
    label: row.label,
    displayName: row.displayName,
    chainId: row.chainId,
    walletAddress: row.walletAddress,
    tokenAddress: row.tokenAddress,
    tokenSymbol: token.symbol,
    tokenDecimals: token.decimals,
    interopAddress: interopAddress(row.chainId, row.walletAddress, row.tokenAddress),
    status: row.status,
    claimChallenge: live ? row.claimChallenge : null,
    claimChallengeExpiresAt: live ? isoTime(row.claimChallengeExpiresAt!) : null,
    claimedAt: row.claimedAt === null ? null : isoTime(row.claimedAt),
    createdAt: isoTime(row.createdAt),
    role,
  };
}
