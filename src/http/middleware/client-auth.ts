import { createMiddleware } from "hono/factory";
import { parseClientSecret } from "../../clients/credentials/client-secret";
import type { AppEnv } from "../../env";
import { ApiError } from "../../lib/problem";

const unauthenticated = (detail: string) => new ApiError("unauthenticated", detail, undefined, { "www-authenticate": "Bearer" });

/**
 * Why a header holds no client secret, in words that say what to fix (API v1.2:
 * no credentials, not a client secret, or, later and in the authority, unknown).
 * None of it echoes the value sent.
 */
function notASecret(header: string): string {
  if (!header.trim()) return "No credentials: send `Authorization: Bearer <client secret>` (the prsk_… secret the dashboard showed once).";
  const [scheme = "", value = ""] = header.trim().split(/\s+/, 2);
  if (!/^bearer$/i.test(scheme)) return `The ${scheme} scheme is not accepted: send the client secret as \`Authorization: Bearer prsk_…\`.`;
  if (value.startsWith("whsec_"))
    return "That is a webhook signing secret (whsec_…), which only verifies deliveries: authenticate with the client secret (prsk_…).";
  if (!value.startsWith("prsk_")) return "That is not a Payrelay client secret: client secrets start with prsk_.";
  return "That is not a whole client secret: it looks truncated or mistyped (its checksum does not match). Copy it again, in full.";
}

/**
 * The orchestrator's auth, first half: the Bearer secret must be shaped like
 * ours. The destination's authority checks it against the stored hash, inside
 * the same RPC that admits a create or answers a read.
 */
export const requireClientSecret = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  const credential = m ? await parseClientSecret(m[1]!) : null;
  if (!credential) throw unauthenticated(notASecret(header));
  c.set("credential", credential);
  await next();
});
