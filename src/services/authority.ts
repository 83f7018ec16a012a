import type { Permission } from "../credentials/permissions";
import { MAX_LINKS_PER_REQUEST, type DestinationAuthority } from "../durable-objects/destination-authority";
import { ApiError } from "../lib/problem";
import type { AdmissionRecord, AdmitResult, TransitionRecord } from "../durable-objects/authority-types";
import { database } from "../db/client";
import { recordTransition, runRecordInsert } from "../db/record-writer";
import { rateLimitHeaders } from "../lib/rate-limit-headers";

/** The stub of a destination's authority: one object per destination id, wherever the caller runs. */
export function authority(env: Env, destinationId: string): DurableObjectStub<DestinationAuthority> {
  const ns = env.DESTINATION_AUTHORITY;
  return ns.get(ns.idFromName(destinationId));
}

/** The 401 for a client secret the authority did not accept. */
export const unknownClientSecret = () =>
  new ApiError("unauthenticated", "Unknown or wrong client secret.", undefined, { "www-authenticate": "Bearer" });

type Refusal = Exclude<AdmitResult["outcome"], "admitted" | "replayed" | "invalid" | "blocked" | "rate_limited" | "allowance_exceeded">;

const REFUSALS: Record<Refusal, (permission: Permission) => ApiError> = {
  unauthenticated: unknownClientSecret,
  client_revoked: () =>
    new ApiError("client_revoked", "This client ID was revoked by the recipient; it can no longer create requests or payment links."),
  client_expired: () =>
    new ApiError("client_expired", "This client ID is past its expiresAt; it can no longer create, only read the requests it created."),
  permission_denied: (p) => new ApiError("permission_denied", `This client ID lacks the ${p} permission.`),
  idempotency_conflict: () => new ApiError("idempotency_conflict", "This Idempotency-Key was already used with a different request body."),
  link_limit: () => new ApiError("conflict", `This request already has ${MAX_LINKS_PER_REQUEST} payment links; reuse one of them.`),
};

/** Narrows an admission to its accepted outcomes, throwing the contract's problem for a refusal. */
export function acceptedOrThrow(result: AdmitResult, permission: Permission): Extract<AdmitResult, { record: unknown }> {
  if (result.outcome === "admitted" || result.outcome === "replayed") return result;
  if (result.outcome === "blocked") throw new ApiError("conflict", result.detail);
  if (result.outcome === "allowance_exceeded") throw new ApiError("allowance_exceeded", result.detail);
  if (result.outcome === "rate_limited") {
    const { perMinute, retryAfterSeconds, resetSeconds } = result;
    throw new ApiError(
      "rate_limited",
      `This client ID may create ${perMinute} times a minute; retry in ${retryAfterSeconds} s.`,
      undefined,
      rateLimitHeaders("creates", perMinute, 60, retryAfterSeconds, resetSeconds),
    );
  }
  if (result.outcome === "invalid") {
    throw new ApiError("validation_failed", result.errors.map((e) => e.message).join(" "), result.errors);
  }
  throw REFUSALS[result.outcome](permission);
}

/**
 * Writes an admitted record to D1 (one statement). If D1 fails, the record is
 * still safe in the authority's outbox and its alarm will write it; the caller
 * is told to retry with the same Idempotency-Key, which replays it.
 */
export async function persistAdmitted(env: Env, record: AdmissionRecord): Promise<void> {
  try {
    await runRecordInsert(database(env.DB), record);
  } catch (err) {
    console.error("D1 write after admission failed", record.row.id, err instanceof Error ? err.message : err);
    throw new ApiError(
      "storage_unavailable",
      `${record.row.id} was accepted and will be recorded shortly. Retry with the same Idempotency-Key to receive it.`,
      undefined,
      { "retry-after": "2" },
    );
  }
}

/**
 * Writes the transitions an admission made (an auto-approval) to D1. Best
 * effort: the request itself is already in D1 in its new status, and the
 * authority's outbox writes the event if this fails.
 */
export async function persistAdmissionTransitions(env: Env, records: TransitionRecord[]): Promise<void> {
  if (records.length === 0) return;
  const db = database(env.DB);
  const [first, ...rest] = records.flatMap((r) => recordTransition(db, r));
  try {
    await db.batch([first!, ...rest]);
  } catch (err) {
    console.error("D1 write of an admission's transition failed; the outbox repeats it", err instanceof Error ? err.message : err);
  }
}
