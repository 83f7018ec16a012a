import type { ParsedSecret } from "../credentials/client-secret";
import { accepted, authority } from "./authority";
import type { Visibility } from "./read-requests";

/**
 * What a client may read now, as the authority says in this very request.
 *
 * No isolate keeps a proof that a secret is right: a rotation with
 * `overlapSeconds: 0` ends the old secret for every route at once (API v1.2),
 * and an isolate cannot learn of a rotation it was not part of. A per-isolate
 * cache keyed by the secret accepted the old one for up to its 60 s TTL, so the
 * secret's current generation is checked at the authority on every read. The
 * route overlaps this RPC with its D1 read (readRequest takes the promise), so
 * the hot GET still waits for one round trip, the slower of the two.
 */
export async function readVisibility(env: Env, credential: ParsedSecret): Promise<Visibility> {
  const own: Visibility = { type: "client", clientId: credential.clientId, permissions: [] };
  const auth = accepted(
    await authority(env, credential.destinationId).authenticate(credential.clientId, credential.secretHash),
    "client ID",
  );
  // Expired is treated as revoked: its own requests only.
  if (auth.client.status !== "active" || auth.client.expired) return own;
  return { ...own, permissions: auth.client.permissions.filter((p) => p.endsWith(":reader")) };
}
