import type { Permission } from "../credentials/permissions";
import { MAX_LINKS_PER_REQUEST, type DestinationAuthority } from "../durable-objects/destination-authority";
import { ApiError } from "../lib/problem";
import type { AdmitResult } from "../durable-objects/authority-types";
import { rateLimitHeaders } from "../lib/rate-limit-headers";

/** The stub of a destination's authority: one object per destination id, wherever the caller runs. */
export function authority(env: Env, destinationId: string): DurableObjectStub<DestinationAuthority> {
  const ns = env.DESTINATION_AUTHORITY;
  return ns.get(ns.idFromName(destinationId));
}

/**
 * The 401 for a signed-request failure (API v1.2): the detail says which part failed, and RFC 9421's
 * Accept-Signature says what to sign.
 */
export const signatureInvalid = (detail: string) =>
  new ApiError("signature_invalid", detail, undefined, {
    "accept-signature": 'payrelay=("@method" "@target-uri" "content-digest" "authorization");created',
  });

/** The 401 for a client secret the authority did not accept. */
export const unknownClientSecret = () =>
  new ApiError(
    "unauthenticated",
    "Unknown client secret: it is shaped like one, but no client ID has it now (a rotated secret stops working when its overlap ends).",
    undefined,
    { "www-authenticate": "Bearer" },
  );

type Refusal = Exclude<
  AdmitResult["outcome"],
  "admitted" | "replayed" | "invalid" | "blocked" | "rate_limited" | "allowance_exceeded" | "signature_invalid"
>;

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
  // The only block is a link for a request whose status (or direction) takes none: one code for every such action (API v1.2).
  if (result.outcome === "blocked") throw new ApiError("invalid_state", result.detail);
  if (result.outcome === "allowance_exceeded") throw new ApiError("allowance_exceeded", result.detail);
  if (result.outcome === "signature_invalid") throw signatureInvalid(result.detail);
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
 * The 503 for a write the authority committed but D1 refused: the record waits in the authority's outbox and
 * reaches D1 by itself (docs/architecture.md); repeating the call is safe and answers once it is there.
 */
export const storageUnavailable = (what: string, retry: string) =>
  new ApiError("storage_unavailable", `${what} was accepted and will be recorded shortly. ${retry}`, undefined, { "retry-after": "2" });
