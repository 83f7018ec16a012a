import { knownToken } from "../../../../payments/chains/tokens";
import { database } from "../../../../db/client";
import type { AppRouteHandler as H } from "../../../create-router";
import { recoverPersonalSigner } from "../../../../lib/eip191";
import { newId } from "../../../../lib/ids";
import { toChecksumAddress } from "../../../../lib/interop-address";
import { ApiError, type FieldError } from "../../../../lib/problem";
import { publicOrigin } from "../../../../lib/public-origin";
import {
  insertDestination,
  listDestinations,
  markClaimed,
  renameDestination,
  saveChallenge,
  serializeDestination,
  tokenOf,
} from "../../../../destinations/destinations";
import { CHALLENGE_TTL_MS, claimChallenge } from "../../../../destinations/claim-challenge";
import { authority } from "../../../../authority/stub";
import type {
  claimDestination,
  createDestination,
  destinationHealth,
  getDestination,
  listDestinations as listRoute,
  refreshChallenge,
  updateDestination,
} from "./destinations.routes";
import { isoTime } from "../../../../lib/iso-time";

export const listHandler: H<typeof listRoute> = async (c) => {
  const rows = await listDestinations(database(c.env.DB), c.var.user.id);
  return c.json({ data: rows.map((r) => serializeDestination(r, r.role)) }, 200);
};

export const createHandler: H<typeof createDestination> = async (c) => {
  const body = c.req.valid("json");
  const known = knownToken(body.chainId, body.tokenAddress);
  if (!known && (body.tokenSymbol === undefined || body.tokenDecimals === undefined)) {
    const errors: FieldError[] = [];
    if (body.tokenSymbol === undefined)
      errors.push({ path: "tokenSymbol", message: "Enter the token's symbol: Payrelay does not know this token." });
    if (body.tokenDecimals === undefined)
      errors.push({ path: "tokenDecimals", message: "Enter the token's decimals: Payrelay does not know this token." });
    throw new ApiError("validation_failed", "Payrelay does not know this token on this chain; give its symbol and decimals.", errors);
  }
  const now = Date.now();
  const expiresAt = now + CHALLENGE_TTL_MS;
  const base = {
    id: newId("dst"),
    userId: c.var.user.id,
    label: body.label ?? null,
    displayName: body.displayName ?? null,
    chainId: body.chainId,
    walletAddress: toChecksumAddress(body.walletAddress),
    tokenAddress: toChecksumAddress(body.tokenAddress),
    tokenSymbol: known?.symbol ?? body.tokenSymbol!,
    tokenDecimals: known?.decimals ?? body.tokenDecimals!,
    status: "unclaimed" as const,
    claimedAt: null,
    createdAt: now,
  };
  const row = {
    ...base,
    claimChallenge: claimChallenge(base, publicOrigin(c.env, c.req.url), now, expiresAt),
    claimChallengeExpiresAt: expiresAt,
  };
  await insertDestination(database(c.env.DB), row);
  c.header("location", `/api/destinations/${row.id}`);
  return c.json(serializeDestination(row, "owner", now), 201);
};

export const getHandler: H<typeof getDestination> = async (c) => {
  return c.json(serializeDestination(c.var.destination, c.var.member.role), 200);
};

export const updateHandler: H<typeof updateDestination> = async (c) => {
  const db = database(c.env.DB);
  const renamed = await renameDestination(db, c.var.destination.id, c.req.valid("json"));
  return c.json(serializeDestination(renamed, c.var.member.role), 200);
};

export const challengeHandler: H<typeof refreshChallenge> = async (c) => {
  const db = database(c.env.DB);
  const row = c.var.destination;
  if (row.status === "claimed") throw new ApiError("conflict", "This destination is already claimed.");
  const now = Date.now();
  const expiresAt = now + CHALLENGE_TTL_MS;
  const challenge = claimChallenge({ ...row, tokenSymbol: tokenOf(row).symbol }, publicOrigin(c.env, c.req.url), now, expiresAt);
  await saveChallenge(db, row.id, challenge, expiresAt);
  return c.json(serializeDestination({ ...row, claimChallenge: challenge, claimChallengeExpiresAt: expiresAt }, c.var.member.role), 200);
};

export const claimHandler: H<typeof claimDestination> = async (c) => {
  const db = database(c.env.DB);
  const row = c.var.destination;
  if (row.status === "claimed") throw new ApiError("conflict", "This destination is already claimed.");
  const now = Date.now();
  const challenge = row.claimChallenge;
  if (!challenge || (row.claimChallengeExpiresAt ?? 0) <= now) {
    throw new ApiError("validation_failed", "The claim challenge has expired; request a new one.", [
      { path: "signature", message: "Challenge expired." },
    ]);
  }
  const signer = recoverPersonalSigner(challenge, c.req.valid("json").signature);
  if (signer !== row.walletAddress.toLowerCase()) {
    throw new ApiError("validation_failed", "The signature is not the wallet's signature of the current challenge.", [
      { path: "signature", message: `Must be signed by ${row.walletAddress}.` },
    ]);
  }
  return c.json(serializeDestination(await markClaimed(db, row.id, challenge, now), c.var.member.role, now), 200);
};

export const healthHandler: H<typeof destinationHealth> = async (c) => {
  const row = c.var.destination;
  const { pendingWrites, failedWrites, oldestPendingAt: oldest } = await authority(c.env, row.id).health();
  const oldestPendingAt = oldest === null ? null : isoTime(oldest);
  return c.json({ pendingWrites, oldestPendingAt, failedWrites }, 200);
};
