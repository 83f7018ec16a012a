import { createMiddleware } from "hono/factory";
import { parseClientSecret } from "../credentials/client-secret";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/problem";

/**
 * The orchestrator's auth, first half: the Bearer secret must be shaped like
 * ours. The destination's authority checks it against the stored hash, inside
 * the same RPC that admits a create or answers a read.
 */
export const requireClientSecret = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  const credential = m ? await parseClientSecret(m[1]!) : null;
  if (!credential) {
    throw new ApiError("unauthenticated", "Send `Authorization: Bearer <client secret>`.", undefined, { "www-authenticate": "Bearer" });
  }
  c.set("credential", credential);
  await next();
});
