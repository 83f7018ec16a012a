import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { database } from "../../db/client";
import type { AppEnv } from "../../env";
import { constantTimeEqual } from "../../lib/crypto";
import { ApiError } from "../../lib/problem";
import { SESSION_COOKIE, loadSession } from "../../accounts/sessions";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The recipient's auth: a server-side session from the cookie, and on every
 * state change the X-CSRF-Token derived from that session. Signup and login
 * need no CSRF token: they accept only application/json, which a cross-site
 * form cannot send without a CORS preflight we never grant.
 */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  const sessionId = getCookie(c, SESSION_COOKIE);
  const user = sessionId ? await loadSession(database(c.env.DB), sessionId) : null;
  if (!user) throw new ApiError("unauthenticated", "Sign in first: no valid session.");
  if (!SAFE.has(c.req.method) && !constantTimeEqual(c.req.header("x-csrf-token") ?? "", user.csrfToken)) {
    throw new ApiError("csrf_failed", "Send the X-CSRF-Token header from /api/me with every state change.");
  }
  c.set("user", user);
  await next();
});
