import { and, desc, eq } from "drizzle-orm";
import { database } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { destinations } from "../../db/schema";
import type { AppRouteHandler as H } from "../../lib/create-router";
import { recoverPersonalSigner } from "../../lib/eip191";
import { newId } from "../../lib/ids";
import { toChecksumAddress } from "../../lib/interop-address";
import { ApiError } from "../../lib/problem";
import { ownedDestination, serializeDestination } from "../../services/destinations";
import { CHALLENGE_TTL_MS, claimChallenge } from "./claim-challenge";
import type { claimDestination, createDestination, getDestination, listDestinations, refreshChallenge } from "./destinations.routes";

export const listHandler: H<typeof listDestinations> = async (c) => {
  const rows = await database(c.env.DB).select().from(destinations).where(eq(destinations.userId, c.var.user.id)).orderBy(desc(destinations.createdAt));
  return c.json({ data: rows.map((r) => serializeDestination(r)) }, 200);
};

export const createHandler: H<typeof createDestination> = async (c) => {
  const body = c.req.valid("json");
  const now = Date.now();
  const target = { id: newId("dst"), chainId: body.chainId, walletAddress: toChecksumAddress(body.walletAddress), tokenAddress: toChecksumAddress(body.tokenAddress) };
  const expiresAt = now + CHALLENGE_TTL_MS;
  const row = { ...target, userId: c.var.user.id, label: body.label ?? null, status: "unclaimed" as const, claimChallenge: claimChallenge(target, expiresAt), claimChallengeExpiresAt: expiresAt, claimedAt: null, createdAt: now };
  const inserted = await database(c.env.DB).insert(destinations).values(row).onConflictDoNothing().returning({ id: destinations.id });
  if (inserted.length === 0) throw new ApiError("conflict", "You already added this wallet, chain and token.");
  return c.json(serializeDestination(row, now), 201);
};

export const getHandler: H<typeof getDestination> = async (c) => {
  return c.json(serializeDestination(await ownedDestination(database(c.env.DB), c.var.user.id, c.req.valid("param").id)), 200);
};

export const challengeHandler: H<typeof refreshChallenge> = async (c) => {
  const db = database(c.env.DB);
  const row = await ownedDestination(db, c.var.user.id, c.req.valid("param").id);
  if (row.status === "claimed") throw new ApiError("conflict", "This destination is already claimed.");
  const expiresAt = Date.now() + CHALLENGE_TTL_MS;
  const next = { ...row, claimChallenge: claimChallenge(row, expiresAt), claimChallengeExpiresAt: expiresAt };
  await db.update(destinations).set({ claimChallenge: next.claimChallenge, claimChallengeExpiresAt: expiresAt }).where(eq(destinations.id, row.id));
  return c.json(serializeDestination(next), 200);
};

export const claimHandler: H<typeof claimDestination> = async (c) => {
  const db = database(c.env.DB);
  const row = await ownedDestination(db, c.var.user.id, c.req.valid("param").id);
  if (row.status === "claimed") throw new ApiError("conflict", "This destination is already claimed.");
  const now = Date.now();
  const challenge = row.claimChallenge;
  if (!challenge || (row.claimChallengeExpiresAt ?? 0) <= now) {
    throw new ApiError("validation_failed", "The claim challenge has expired; request a new one.", [{ path: "signature", message: "Challenge expired." }]);
  }
  const signer = recoverPersonalSigner(challenge, c.req.valid("json").signature);
  if (signer !== row.walletAddress.toLowerCase()) {
    throw new ApiError("validation_failed", "The signature is not the wallet's signature of the current challenge.", [{ path: "signature", message: `Must be signed by ${row.walletAddress}.` }]);
  }
  try {
    // The challenge is cleared in the same statement that claims: it can be used once, by one request.
    const claimed = await db
      .update(destinations)
      .set({ status: "claimed", claimedAt: now, claimChallenge: null, claimChallengeExpiresAt: null })
      .where(and(eq(destinations.id, row.id), eq(destinations.claimChallenge, challenge)))
      .returning()
      .get();
    if (!claimed) throw new ApiError("conflict", "This challenge was already used; request a new one.");
    return c.json(serializeDestination(claimed, now), 200);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ApiError("conflict", "Another recipient has already claimed this wallet, chain and token.");
    }
    throw err;
  }
};
