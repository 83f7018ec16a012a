import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env";
import { newId } from "../../lib/ids";

const ALWAYS: readonly (readonly [string, string])[] = [
  ["x-content-type-options", "nosniff"],
  ["referrer-policy", "no-referrer"],
  ["x-frame-options", "DENY"],
  ["strict-transport-security", "max-age=63072000; includeSubDomains"],
];
const UNLESS_SET: readonly (readonly [string, string])[] = [
  ["cache-control", "no-store"],
  ["content-security-policy", "default-src 'none'; frame-ancestors 'none'"],
];

function apply(headers: Headers, requestId: string): void {
  headers.set("request-id", requestId);
  for (const [name, value] of ALWAYS) headers.set(name, value);
  for (const [name, value] of UNLESS_SET) if (!headers.has(name)) headers.set(name, value);
}

/**
 * API answers are data, never pages to frame, sniff or cache. The headers go on
 * the answer's own Headers in one pass: Hono's c.header() after next() copies
 * the whole Response once per call, which was 7 % of a get's CPU (bench/README.md).
 * An answer whose headers are immutable (one fetched from elsewhere) is copied once.
 * Every answer carries a fresh `Request-Id` (API v1.2) to quote when asking about a call.
 */
export const apiHeaders = createMiddleware<AppEnv>(async (c, next) => {
  const requestId = newId("rid");
  c.set("requestId", requestId);
  await next();
  try {
    apply(c.res.headers, requestId);
  } catch {
    c.res = new Response(c.res.body, c.res);
    apply(c.res.headers, requestId);
  }
});
