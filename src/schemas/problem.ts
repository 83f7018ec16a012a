import { z } from "@hono/zod-openapi";
import { PROBLEM_CODES } from "../lib/problem";

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

const DESCRIPTIONS: Record<number, string> = {
  400: "validation_failed or malformed_json",
  401: "unauthenticated: missing, malformed, unknown or wrong credentials",
  403: "client_revoked, client_expired, allowance_exceeded, permission_denied or csrf_failed",
  404: "not_found: absent, or another recipient's, destination's or client's",
  409: "conflict or idempotency_conflict",
  410: "link_expired",
  413: "payload_too_large: body over 16 KiB",
  415: "unsupported_media_type: body is not application/json",
  429: "rate_limited, with Retry-After and the IETF RateLimit / RateLimit-Policy headers",
  503: "storage_unavailable: retry with the same Idempotency-Key",
};

/** OpenAPI `responses` entries for the problem statuses a route can answer. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: DESCRIPTIONS[s] ?? "problem", content: { "application/problem+json": { schema: ProblemSchema } } },
    ]),
  );
}

/** Statuses every JSON-body route can answer before its handler runs. */
export const BODY_PROBLEMS = [400, 413, 415] as const;
