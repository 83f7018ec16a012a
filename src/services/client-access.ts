import { eq, sql } from "drizzle-orm";
import type { ParsedSecret } from "../credentials/client-secret";
import type { Permission } from "../credentials/permissions";
import { database, preparedOnce, type Database } from "../db/client";
import { clientCredentials, type ClientCredentialRow } from "../db/schema";
import { constantTimeEqual } from "../lib/crypto";
import { accepted, authority } from "./authority";
import type { Visibility } from "./read-requests";

const credentialByClient = (db: Database) =>
  db
    .select()
    .from(clientCredentials)
    .where(eq(clientCredentials.clientId, sql.placeholder("id")))
    .prepare();

/** Constant-time against both hashes: a rotated-out secret works until its overlap ends, not a moment after. */
function matches(row: ClientCredentialRow, secretHash: string, now: number): boolean {
  const current = constantTimeEqual(row.secretHash, secretHash);
  const previous =
    row.previousSecretHash !== null && (row.previousSecretUntil ?? 0) > now && constantTimeEqual(row.previousSecretHash, secretHash);
  return current || previous;
}

/**
 * What a client may read now, from its credential as D1 holds it: the authority projects every change a read
 * depends on (create, rotation, revocation, a new expiry) through its record pipeline, and writes it through
 * before the change answers, so a revoke or a rotation with `overlapSeconds: 0` that answered 200 holds for
 * the very next read, on every isolate (API v1.2). A read is then one D1 round trip, as a read should be, and
 * never waits on the destination's authority, which only decides changes.
 *
 * When D1 has no credential for the client, or not this secret (a client made before credentials were
 * projected, or a projection D1 has not taken yet), the authority decides, as it always may: it is the truth.
 */
export async function readVisibility(env: Env, credential: ParsedSecret): Promise<Visibility> {
  const own = { type: "client" as const, clientId: credential.clientId, permissions: [] as Permission[] };
  const now = Date.now();
  const row = await preparedOnce(database(env.DB), "credential by client", credentialByClient).get({ id: credential.clientId });
  let standing: { status: string; expired: boolean; permissions: Permission[] };
  if (row && row.destinationId === credential.destinationId && matches(row, credential.secretHash, now)) {
    standing = { status: row.status, expired: row.expiresAt !== null && row.expiresAt <= now, permissions: row.permissions };
  } else {
    const auth = await authority(env, credential.destinationId).authenticate(credential.clientId, credential.secretHash, !row);
    standing = accepted(auth, "client ID").client;
  }
  // Expired is treated as revoked: its own requests only.
  if (standing.status !== "active" || standing.expired) return own;
  return { ...own, permissions: standing.permissions.filter((p) => p.endsWith(":reader")) };
}
