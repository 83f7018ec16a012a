import type { ParsedSecret } from "../credentials/client-secret";
import type { Permission } from "../credentials/permissions";
import { authority, unknownClientSecret } from "./authority";
import type { Visibility } from "./read-requests";

/**
 * Secrets the authority accepted, per isolate: proof that a secret is right,
 * never of what it may read. A client always reads its own requests, revoked
 * or not, so a cached proof is enough for those; anything a *reader*
 * permission would show is decided by the authority in this very request,
 * so a revoke that answered 200 ends reader rights at the next read, with no
 * cache grace. Only successes are kept, so a wrong secret always reaches the
 * authority.
 */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 1024;
const verified = new Map<string, { permissions: Permission[]; until: number }>();

const keyOf = (c: ParsedSecret) => `${c.destinationId}:${c.clientId}:${c.secretHash}`;
const readsForeign = (p: Permission[]) => p.includes("incoming:reader") || p.includes("outgoing:reader");

/**
 * What a client may read now. A client without reader permissions reads only
 * its own requests, which revocation never takes away, so a cached proof of its
 * secret suffices; a reader's visibility always comes from the authority.
 */
export async function readVisibility(env: Env, credential: ParsedSecret): Promise<Visibility> {
  const own: Visibility = { type: "client", clientId: credential.clientId, permissions: [] };
  const hit = verified.get(keyOf(credential));
  if (hit && hit.until > Date.now() && !readsForeign(hit.permissions)) return own;
  const auth = await authority(env, credential.destinationId).authenticate(credential.clientId, credential.secretHash);
  if (!auth.ok) throw unknownClientSecret();
  if (verified.size >= VERIFIED_MAX) verified.clear();
  // A rotated-out secret is proof only until its overlap ends: the cache must not outlive it.
  verified.set(keyOf(credential), {
    permissions: auth.client.permissions,
    until: Math.min(Date.now() + VERIFIED_TTL_MS, auth.validUntil ?? Number.MAX_SAFE_INTEGER),
  });
  // Expired is treated as revoked: its own requests only, decided by the authority at this read.
  if (auth.client.status !== "active" || auth.client.expired) return own;
  return { ...own, permissions: auth.client.permissions.filter((p) => p.endsWith(":reader")) };
}
