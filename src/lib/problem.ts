/**
 * Every problem code the API answers, with its HTTP status and title: the one
 * table from which a thrown ApiError gets its status (unkey's codeToStatus
 * pattern), so a code and its status can never disagree. The contract's codes
 * (docs/http-contract.md), plus the few we add (marked).
 */
export const PROBLEMS = {
  validation_failed: { status: 400, title: "Your request is not valid" },
  malformed_json: { status: 400, title: "The request body is not valid JSON" },
  unauthenticated: { status: 401, title: "Authentication required" },
  signature_invalid: { status: 401, title: "The request's HTTP Message Signature is missing or wrong" },
  client_revoked: { status: 403, title: "This client ID has been revoked" },
  client_expired: { status: 403, title: "This client ID has expired" },
  permission_denied: { status: 403, title: "The caller lacks the permission" },
  allowance_exceeded: { status: 403, title: "This client ID's outgoing budget is exhausted" },
  csrf_failed: { status: 403, title: "Missing or invalid CSRF token" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" }, // added
  idempotency_conflict: { status: 409, title: "Idempotency-Key reused with a different request" },
  conflict: { status: 409, title: "Conflict" },
  invalid_state: { status: 409, title: "The request's status does not allow this" },
  payment_already_used: { status: 409, title: "This transaction already paid another request" },
  link_expired: { status: 410, title: "This payment link has expired" },
  payload_too_large: { status: 413, title: "The request body is too large" },
  unsupported_media_type: { status: 415, title: "The request body must be application/json" },
  payment_not_found: { status: 422, title: "No such successful transaction" },
  payment_mismatch: { status: 422, title: "The transaction does not pay this request" },
  payment_unattributed: { status: 422, title: "The transaction cannot be tied to this request" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Internal error" }, // added
  storage_unavailable: { status: 503, title: "Storage is temporarily unavailable" },
  chain_unavailable: { status: 503, title: "The chain cannot be reached" },
  not_configured: { status: 503, title: "This deployment is not fully configured" }, // added
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;
export const PROBLEM_CODES = Object.keys(PROBLEMS) as [ProblemCode, ...ProblemCode[]];

export type FieldError = { path: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  errors?: FieldError[];
  /** The call's Request-Id, as its header says (absent outside HTTP, e.g. an MCP tool's refusal). */
  requestId?: string;
};

/** The one way to fail a request: thrown anywhere, turned into problem+json by the app's onError. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** RFC 9457 extension members beside the standard ones (e.g. the payee on an expired link's 410). */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail);
    this.status = PROBLEMS[code].status;
  }
}

/** Builds an RFC 9457 body; `type` points at the problem's entry in /docs. */
export function problemBody(code: ProblemCode, detail: string, errors?: FieldError[]): Problem {
  const { status, title } = PROBLEMS[code];
  return { type: `/docs#problem-${code}`, title, status, detail, code, ...(errors ? { errors } : {}) };
}

export function problemResponse(err: ApiError, requestId?: string): Response {
  const body = { ...err.extensions, ...problemBody(err.code, err.detail, err.errors) };
  return new Response(JSON.stringify(requestId ? { ...body, requestId } : body), {
    status: err.status,
    headers: { "content-type": "application/problem+json", ...err.headers },
  });
}

export const notFound = (what = "resource"): ApiError => new ApiError("not_found", `No such ${what}.`);
