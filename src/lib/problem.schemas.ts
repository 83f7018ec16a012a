import { z } from "@hono/zod-openapi";
import { PROBLEM_CODES, PROBLEMS, type ProblemCode } from "./problem";

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "/docs#problem-validation_failed" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(PROBLEM_CODES).openapi({ example: "validation_failed" }),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z
      .string()
      .optional()
      .openapi({ example: "rid_7m2k9x4q8w1z3f5d", description: "This call's Request-Id header: quote it when asking about the call." }),
  })
  .openapi("Problem");

/** The codes a bare status stands for; 403, 409, 422 and 503 must name theirs (they differ by route). */
const DEFAULT_CODES: Partial<Record<number, ProblemCode[]>> = {
  400: ["validation_failed", "malformed_json"],
  401: ["unauthenticated"],
  404: ["not_found"],
  410: ["link_expired"],
  413: ["payload_too_large"],
  415: ["unsupported_media_type"],
  429: ["rate_limited"],
  500: ["internal_error"],
  503: ["storage_unavailable"],
};

/** An example detail per code, for the document's examples (a route's own words may be more precise). */
const EXAMPLE_DETAIL: Record<ProblemCode, string> = {
  validation_failed: "Check this field: amount.",
  malformed_json: "The request body is not valid JSON.",
  unauthenticated: "No credentials: send `Authorization: Bearer <client secret>`.",
  signature_invalid: "This client ID must sign its requests: the Signature-Input header is missing.",
  client_revoked: "This client ID was revoked by the recipient; it can no longer create requests or payment links.",
  client_expired: "This client ID is past its expiresAt; it can no longer create, only read the requests it created.",
  permission_denied: "This client ID lacks the outgoing:creator permission.",
  allowance_exceeded: "This outgoing request exceeds the client's remaining budget.",
  csrf_failed: "Missing or invalid X-CSRF-Token.",
  not_found: "No such request.",
  method_not_allowed: "Method not allowed.",
  idempotency_conflict: "This Idempotency-Key was already used with a different request body.",
  conflict: "Another recipient has already claimed this wallet, chain and token.",
  invalid_state: "The request is paid; only pending requests can get a payment link.",
  payment_already_used: "A Transfer in this transaction already paid another request; one log pays one request.",
  link_expired: "This payment link has expired.",
  payload_too_large: "The request body is larger than 16 KiB.",
  unsupported_media_type: "Send the body as application/json.",
  payment_not_found: "No successful transaction with this hash on the destination's chain.",
  payment_mismatch: "Wrong recipient: the transfer does not pay this destination's wallet.",
  payment_unattributed: "This transfer cannot be tied to this request: sign it, or pay with the request's reference.",
  rate_limited: "Too many requests; retry in 12 s.",
  internal_error: "Something went wrong on our side. It is safe to retry with the same Idempotency-Key.",
  storage_unavailable: "The request was accepted and will be recorded shortly. Retry with the same Idempotency-Key.",
  chain_unavailable: "The chain cannot be reached; nothing was recorded. Retry later.",
  not_configured: "PUBLIC_ORIGIN must be configured to make payment links.",
};

export const exampleProblem = (code: ProblemCode) => ({
  type: `/docs#problem-${code}`,
  title: PROBLEMS[code].title,
  status: PROBLEMS[code].status,
  detail: EXAMPLE_DETAIL[code],
  code,
  ...(code === "validation_failed" ? { errors: [{ path: "amount", message: "Must be greater than zero." }] } : {}),
  requestId: "rid_7m2k9x4q8w1z3f5d",
});

/** What else a status's description says, beside its codes. */
const STATUS_NOTES: Partial<Record<number, string>> = {
  413: "body over 16 KiB",
  429: "with Retry-After and the IETF RateLimit / RateLimit-Policy headers",
  503: "retry later, with the same Idempotency-Key",
};

/** One status's problem response: the codes it can carry (enum) and an example of each. */
export function problemResponse(codes: readonly ProblemCode[]) {
  const unique = [...new Set(codes)];
  const status = PROBLEMS[unique[0]!].status;
  const schema = ProblemSchema.extend({ code: z.enum(unique as [ProblemCode, ...ProblemCode[]]).openapi({ example: unique[0] }) });
  return {
    description: `${unique.join(", ")}${STATUS_NOTES[status] ? `: ${STATUS_NOTES[status]}` : ""}`,
    content: {
      "application/problem+json": {
        schema,
        examples: Object.fromEntries(unique.map((code) => [code, { summary: PROBLEMS[code].title, value: exampleProblem(code) }])),
      },
    },
  };
}

/** The problem codes a response object declares (set by problems()), so defineRoute can add the ones auth brings. */
export const DECLARED_CODES = new WeakMap<object, ProblemCode[]>();

/**
 * OpenAPI `responses` entries for the problems a route can answer: a status stands for its usual
 * codes (400: validation_failed, malformed_json; 404: not_found; …); a code adds itself under its
 * status. 403, 409 and 422 have no usual codes: name them. Every entry lists its codes as an enum,
 * with an example each, so the document says exactly what a route answers.
 */
export function problems(...items: (number | ProblemCode)[]) {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const item of items) {
    const codes = typeof item === "number" ? DEFAULT_CODES[item] : [item];
    if (!codes) throw new Error(`problems(${item}): name the codes of a ${item} (it has no usual ones)`);
    const status = typeof item === "number" ? item : PROBLEMS[item].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), ...codes]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => {
      const response = problemResponse(codes);
      DECLARED_CODES.set(response, codes);
      return [status, response];
    }),
  );
}

/** Statuses every JSON-body route can answer before its handler runs. */
export const BODY_PROBLEMS = [400, 413, 415] as const;
