import type { FieldError } from "../lib/problem";

/** A rate limit the authority enforces, as its 429 states it (IETF RateLimit headers). */
export type RateLimitInfo = { policy: string; limit: number; windowSeconds: number; retryAfterSeconds: number; resetSeconds: number };

/**
 * Every RPC of the authority answers `{ outcome, … }`. A refusal's outcome *is* its problem code (API.md "Errors"), and
 * it says why in the words its caller will read: the authority knows the request's status, the client's permissions
 * and the limit it hit. `accepted()`/`problemFor()` in authority/stub.ts turn a refusal into its problem, in one place.
 */
type Explained =
  | "client_revoked"
  | "client_expired"
  | "permission_denied"
  | "idempotency_conflict"
  | "conflict"
  | "invalid_state"
  | "allowance_exceeded"
  | "signature_invalid"
  | "payment_already_used"
  | "payment_mismatch";

export type Refusal =
  | { outcome: "not_found" }
  | { outcome: "unauthenticated" }
  | { [K in Explained]: { outcome: K; detail: string } }[Explained]
  | { outcome: "validation_failed"; detail: string; errors: FieldError[] }
  | { outcome: "rate_limited"; detail: string; limit: RateLimitInfo };

export type RefusalOutcome = Refusal["outcome"];

export const REFUSALS: ReadonlySet<string> = new Set<RefusalOutcome>([
  "not_found",
  "unauthenticated",
  "client_revoked",
  "client_expired",
  "permission_denied",
  "idempotency_conflict",
  "conflict",
  "invalid_state",
  "allowance_exceeded",
  "signature_invalid",
  "payment_already_used",
  "payment_mismatch",
  "validation_failed",
  "rate_limited",
]);

/** A refusal of one of these kinds, for the capability that returns only those. */
export type RefusedAs<K extends RefusalOutcome> = Extract<Refusal, { outcome: K }>;

/** A validation refusal of one field, named as the person reads it (lib/field-messages.ts words). */
export const invalidField = (path: string, message: string, detail = message): RefusedAs<"validation_failed"> => ({
  outcome: "validation_failed",
  detail,
  errors: [{ path, message }],
});

/** An answer that is not a refusal: `ok` for plain reads and changes, or a capability's own success words. */
export type Ok<T extends object = object> = { outcome: "ok" } & T;
