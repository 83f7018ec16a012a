import { clientIp } from "../lib/client-ip";
import { ApiError } from "../lib/problem";
import { rateLimitHeaders } from "../lib/rate-limit-headers";

/**
 * Payment submissions cost RPC calls to a chain, so they are limited (API
 * v1.2): at most 10 a minute per payment link and per request
 * (PAYMENT_TARGET_LIMITER), and 60 a minute per client secret or per IP
 * (PAYMENT_CALLER_LIMITER). Workers Rate Limiting bindings: counted per
 * location and approximate, but free of any storage round trip, and a flood
 * spread over locations still meets the per-location ceiling everywhere.
 * wrangler.jsonc states the same numbers.
 */
export const SUBMISSIONS_PER_TARGET = 10;
export const SUBMISSIONS_PER_CALLER = 60;
const WINDOW_SECONDS = 60;

/** Who submits: a client by its secret's hash (never the secret), or a payer by its address. */
export type SubmissionCaller = { secretHash: string } | { ip: string | undefined };

/** Throws 429 rate_limited, with Retry-After and RateLimit headers, when any of the submission's limits is spent. */
export async function limitPaymentSubmission(env: Env, targets: { requestId: string; linkId?: string }, caller: SubmissionCaller) {
  const callerKey = "secretHash" in caller ? `secret:${caller.secretHash}` : `ip:${clientIp(caller.ip)}`;
  const checks: [RateLimit, string, string, number][] = [
    [env.PAYMENT_TARGET_LIMITER, `request:${targets.requestId}`, "payment-submissions-per-request", SUBMISSIONS_PER_TARGET],
    [env.PAYMENT_CALLER_LIMITER, callerKey, "payment-submissions-per-caller", SUBMISSIONS_PER_CALLER],
  ];
  if (targets.linkId)
    checks.unshift([env.PAYMENT_TARGET_LIMITER, `link:${targets.linkId}`, "payment-submissions-per-link", SUBMISSIONS_PER_TARGET]);
  const outcomes = await Promise.all(checks.map(([binding, key]) => binding.limit({ key })));
  const spent = checks.find((_, i) => !outcomes[i]!.success);
  if (!spent) return;
  const [, , policy, quota] = spent;
  const per = policy.endsWith("caller") ? "client secret or address" : policy.endsWith("link") ? "payment link" : "request";
  throw new ApiError(
    "rate_limited",
    `Too many payment submissions: at most ${quota} a minute per ${per}; wait a minute and retry.`,
    undefined,
    rateLimitHeaders(policy, quota, WINDOW_SECONDS, WINDOW_SECONDS, WINDOW_SECONDS),
  );
}
