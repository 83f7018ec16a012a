import { ApiError } from "./problem";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The origin payers and wallets are shown (payment link URLs, the claim
 * message's domain). Never the request's Host or X-Forwarded-Host, which the
 * caller controls: `PUBLIC_ORIGIN` in production, and the request's own origin
 * only when it is loopback, for local development.
 */
export function publicOrigin(env: Env, requestUrl: string): string {
  if (env.PUBLIC_ORIGIN) return new URL(env.PUBLIC_ORIGIN).origin;
  const url = new URL(requestUrl);
  if (LOOPBACK.has(url.hostname)) return url.origin;
  throw new ApiError("not_configured", "PUBLIC_ORIGIN must be configured for this deployment before links or claim messages can be made.");
}
