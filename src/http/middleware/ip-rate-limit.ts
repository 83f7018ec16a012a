import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env";
import { ApiError } from "../../lib/problem";
import { clientIp } from "../../lib/client-ip";
import { rateLimitHeaders } from "../../lib/rate-limit-headers";

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
