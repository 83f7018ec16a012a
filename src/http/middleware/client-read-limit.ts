import { createMiddleware } from "hono/factory";
import type { ParsedSecret } from "../../clients/credentials/client-secret";
import type { AppEnv } from "../../env";
import { ApiError } from "../../lib/problem";
import { rateLimitHeaders } from "../../lib/rate-limit-headers";

/** The CLIENT_READ_LIMITER's policy in wrangler.jsonc (reads a minute per credential), for the headers that describe it. */
export const READS_PER_MINUTE = 1200;
const WINDOW_SECONDS = 60;

/**
 * Reads by orchestrators, limited per credential through the Workers Rate
 * Limiting binding: approximate (counted per location) but free of any
 * storage round trip, which is what a read should cost. Creates are limited
 * exactly by the authority instead (rate-bucket.ts), which sees every one.
 * Keyed by the secret's hash, not the client id: a client id is visible to
 * other readers, and must not let them spend this client's quota.
 * The /v1 GETs and the MCP read tools count against the same limit.
 */
export async function checkClientReadLimit(env: Env, credential: ParsedSecret): Promise<void> {
  const { success } = await env.CLIENT_READ_LIMITER.limit({ key: credential.secretHash });
  if (!success) {
    throw new ApiError(
      "rate_limited",
      `This client ID may read about ${READS_PER_MINUTE} times a minute; wait and retry.`,
      undefined,
      rateLimitHeaders("reads", READS_PER_MINUTE, WINDOW_SECONDS, WINDOW_SECONDS, WINDOW_SECONDS),
    );
  }
}

export const limitClientReads = createMiddleware<AppEnv>(async (c, next) => {
  await checkClientReadLimit(c.env, c.var.credential);
  await next();
});
