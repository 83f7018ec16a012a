import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env";
import { ApiError } from "../problem";
import { rateLimitHeaders } from "../rate-limit-headers";

/**
 * The caller's address as Cloudflare's edge reports it. In production the edge
 * sets CF-Connecting-IP and overwrites any value a client sends; in local
 * development (and tests) it is whatever the client says, which is the point
 * there: each test names its own address.
 */
export const clientIp = (header: string | undefined) => header?.trim() || "unknown";

/**
 * Approximate per-IP limits on the unauthenticated account routes through the
 * Workers Rate Limiting binding (counts are per location and eventually
 * consistent, which is enough to blunt credential stuffing and sign-up floods;
 * the exact per-account count lives in D1, accounts/login-throttle.ts).
 */
export const limitByIp = (binding: "LOGIN_IP_LIMITER" | "SIGNUP_IP_LIMITER", limit: number, period: number) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const { success } = await c.env[binding].limit({ key: clientIp(c.req.header("cf-connecting-ip")) });
    if (!success) {
      throw new ApiError(
        "rate_limited",
        "Too many attempts from your network; wait a minute and try again.",
        undefined,
        rateLimitHeaders(binding === "LOGIN_IP_LIMITER" ? "sign-ins" : "sign-ups", limit, period, period, period),
      );
    }
    await next();
  });
