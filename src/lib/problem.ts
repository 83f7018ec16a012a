/** Stable problem codes of the contract (shared/API.md), plus the few we add. */
export type ProblemCode =
  | "validation_failed"
  | "malformed_json"
  | "unauthenticated"
  | "client_revoked"
  | "permission_denied"
  | "csrf_failed"
  | "not_found"
  | "method_not_allowed"
  | "idempotency_conflict"
  | "conflict"
  | "link_expired"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "storage_unavailable"
  | "internal_error";

const TITLES: Record<ProblemCode, string> = {
  validation_failed: "Your request is not valid",
  malformed_json: "The request body is not valid JSON",
  unauthenticated: "Authentication required",
  client_revoked: "This client ID has been revoked",
  permission_denied: "This client ID lacks the permission",
  csrf_failed: "Missing or invalid CSRF token",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  idempotency_conflict: "Idempotency-Key reused with a different request",
  conflict: "Conflict",
  link_expired: "This payment link has expired",
  payload_too_large: "The request body is too large",
  unsupported_media_type: "The request body must be application/json",
  rate_limited: "Too many requests",
  storage_unavailable: "Storage is temporarily unavailable",
  internal_error: "Internal error",
};

export type FieldError = { path: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  errors?: FieldError[];
};

/** The one way to fail a request: thrown anywhere, turned into problem+json by the app's onError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

/** Builds an RFC 9457 body; `type` points at the problem's entry in /docs. */
export function problemBody(status: number, code: ProblemCode, detail: string, errors?: FieldError[]): Problem {
  return { type: `/docs#problem-${code}`, title: TITLES[code], status, detail, code, ...(errors ? { errors } : {}) };
}

export function problemResponse(err: ApiError): Response {
  return new Response(JSON.stringify(problemBody(err.status, err.code, err.detail, err.errors)), {
    status: err.status,
    headers: { "content-type": "application/problem+json", ...err.headers },
  });
}

export const notFound = (what = "resource"): ApiError => new ApiError(404, "not_found", `No such ${what}.`);

export const PROBLEM_TITLES = TITLES;
