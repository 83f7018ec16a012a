import type { DestinationAuthority } from "./destination-authority";
import { REFUSALS, type Refusal } from "./outcomes";
import { ApiError, notFound } from "../lib/problem";
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

/**
 * The one place an authority's refusal becomes the contract's problem (docs/architecture.md, "The authority's
 * answers"): the outcome is the code, the authority's detail is the words; `what` names the missing thing of a 404.
 */
export function problemFor(refusal: Refusal, what: string): ApiError {
  switch (refusal.outcome) {
    case "not_found":
      return notFound(what);
    case "unauthenticated":
      return unknownClientSecret();
    case "signature_invalid":
      return signatureInvalid(refusal.detail);
    case "validation_failed":
      return new ApiError("validation_failed", refusal.detail, refusal.errors);
    case "rate_limited": {
      const l = refusal.limit;
      return new ApiError(
        "rate_limited",
        refusal.detail,
        undefined,
        rateLimitHeaders(l.policy, l.limit, l.windowSeconds, l.retryAfterSeconds, l.resetSeconds),
      );
    }
    default:
      return new ApiError(refusal.outcome, refusal.detail);
  }
}

export const isRefusal = (result: { outcome: string }): result is Refusal => REFUSALS.has(result.outcome);

/** An authority's answer with its refusals thrown as problems: what is left is one of its successes. */
export function accepted<R extends { outcome: string }>(result: R, what: string): Exclude<R, Refusal> {
  if (isRefusal(result)) throw problemFor(result, what);
  return result as Exclude<R, Refusal>;
}

/**
 * The 503 for a write the authority committed but D1 refused: the record waits in the authority's outbox and
 * reaches D1 by itself (docs/architecture.md); repeating the call is safe and answers once it is there.
 */
export const storageUnavailable = (what: string, retry: string) =>
  new ApiError("storage_unavailable", `${what} was accepted and will be recorded shortly. ${retry}`, undefined, { "retry-after": "2" });
