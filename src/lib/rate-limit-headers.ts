/**
 * A 429's headers: `Retry-After`, and the IETF RateLimit header fields in
 * their current form (draft-ietf-httpapi-ratelimit-headers, -08 on: structured
 * fields naming the policy, `q` quota, `w` window in seconds, `r` remaining,
 * `t` seconds until the quota is whole again).
 */
export function rateLimitHeaders(policy: string, quota: number, windowSeconds: number, retryAfterSeconds: number, resetSeconds: number) {
  return {
    "retry-after": String(retryAfterSeconds),
    "ratelimit-policy": `"${policy}";q=${quota};w=${windowSeconds}`,
    ratelimit: `"${policy}";r=0;t=${resetSeconds}`,
  };
}
