import { eq, sql } from "drizzle-orm";
import type { ParsedSecret } from "./credentials/client-secret";
import type { Permission } from "./credentials/permissions";
import { database, preparedOnce, type Database } from "../db/client";
import { clientCredentials, type ClientCredentialRow } from "../db/schema";
import { constantTimeEqual } from "../lib/crypto";
import { accepted, authority } from "../authority/stub";
import { listCursor, pageOf, requestByIdSql, requestRow, visibleRow, type ListFilters, type Visibility } from "../requests/read-requests";
import { pageStatement, selectPage } from "../requests/list-query";
import { decodeCursor } from "../lib/cursor";
import { rowMapper } from "../db/row-mapper";
import type { RequestRow } from "../db/schema";

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
  const row = await preparedOnce(database(env.DB), "credential by client", credentialByClient).get({ id: credential.clientId });
  return visibilityOf(env, credential, row);
}

/** The caller's share, from D1's credential row when it has this secret, else from the authority. */
async function visibilityOf(env: Env, credential: ParsedSecret, row: ClientCredentialRow | undefined): Promise<Visibility> {
  const own = { type: "client" as const, clientId: credential.clientId, permissions: [] as Permission[] };
  const now = Date.now();
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

const credentialRow = rowMapper(clientCredentials);
/** The two reads as D1 statements, prepared once per database handle (db/client.ts's preparedOnce), for a batch. */
const statementsFor = (env: Env) => {
  const db = database(env.DB);
  return {
    credential: preparedOnce(db, "credential statement", (d) => env.DB.prepare(credentialByClient(d).getQuery().sql)),
    request: preparedOnce(db, "request by id statement", (d) => env.DB.prepare(requestByIdSql(d))),
  };
};

/** The credential row a batch read, if D1 has one. */
const credentialIn = (result: D1Result | undefined) => {
  const found = result?.results[0] as Record<string, unknown> | undefined;
  return found && credentialRow(Object.values(found));
};

/**
 * One request for an orchestrator, with its credential, in one D1 round trip (a batch of the two reads); 404 when
 * absent, under another destination, or not the caller's to see. A wrong secret is 401 before anything is shown.
 */
export async function readRequestAs(env: Env, credential: ParsedSecret, requestId: string): Promise<RequestRow> {
  const statements = statementsFor(env);
  const [c, r] = await env.DB.batch([statements.credential.bind(credential.clientId), statements.request.bind(requestId)]);
  const v = await visibilityOf(env, credential, credentialIn(c));
  const raw = r!.results[0] as Record<string, unknown> | undefined;
  return visibleRow(raw && requestRow(Object.values(raw)), v, credential.destinationId);
}

/**
 * An orchestrator's list, with its credential, in one D1 round trip: the batch reads the credential and the page
 * the client sees as its own. Only a client with reader rights reads a second time, its wider page. A wrong
 * secret is 401, and before a bad cursor's 400.
 */
export async function listRequestsAs(env: Env, credential: ParsedSecret, f: ListFilters) {
  if (f.cursor !== undefined && decodeCursor(f.cursor) === null) {
    await readVisibility(env, credential);
    listCursor(f); // throws the 400
  }
  const db = database(env.DB);
  const cursor = listCursor(f);
  const now = Date.now();
  const own = { type: "client" as const, clientId: credential.clientId, permissions: [] as Permission[] };
  const [c, r] = await env.DB.batch([
    statementsFor(env).credential.bind(credential.clientId),
    pageStatement(env.DB, db, credential.destinationId, own, f, cursor, now),
  ]);
  const v = await visibilityOf(env, credential, credentialIn(c));
  const rows =
    v.type === "client" && v.permissions.length === 0
      ? (r!.results as Record<string, unknown>[]).map((o) => requestRow(Object.values(o)))
      : await selectPage(db, credential.destinationId, v, f, cursor, now);
  return pageOf(rows, f, now);
}
