import { createMiddleware } from "hono/factory";

/** API answers are data, never pages to frame, sniff or cache. */
export const apiHeaders = createMiddleware(async (c, next) => {
  await next();
  c.header("x-content-type-options", "nosniff");
  c.header("referrer-policy", "no-referrer");
  c.header("x-frame-options", "DENY");
  c.header("strict-transport-security", "max-age=63072000; includeSubDomains");
  if (!c.res.headers.has("cache-control")) c.header("cache-control", "no-store");
  if (!c.res.headers.has("content-security-policy")) c.header("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
});
