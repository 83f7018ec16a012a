import type { LoggedActor } from "../lib/actor";
import { issueClientSecret, issueSecretFor } from "./credentials/client-secret";
import type { Permission } from "./credentials/permissions";
import { isoTime } from "../lib/iso-time";
import { recordAudit } from "../audit/audit-log";
import type { AuthorityHost } from "../authority/authority-host";
import type { AuthResult, ClientView, DestinationProfile } from "../authority/authority-types";
import { isExpired } from "../limits/client-limits";
import {
  CLIENT_SELECT,
  changeLimits,
  clientRow,
  clientView,
  insertClient,
  rotateClientSecret,
  secretMatches,
  signingOf,
  touchClient,
} from "./client-store";
import type { ClientRow, LimitsPatch } from "./client-store";
import { projectCredential } from "./credential-projection";
import type { Ok, RefusedAs } from "../authority/outcomes";
import { changeSigning, type SigningPatch } from "./signing/signature-evidence";
import { recordRevocationEvent } from "../webhooks/webhook-hooks";

/**
 * The clients capability's reads and its one irreversible change, inside the
 * authority's transactions (client-store.ts holds the rows, limits and rotation).
 */

export function listClients(sql: SqlStorage): ClientView[] {
  return sql.exec<ClientRow>(`${CLIENT_SELECT} ORDER BY c.created_at DESC, c.id DESC`).toArray().map(clientView);
}

/** One client ID as the dashboard shows it, or not_found (an id of another destination's is not found here). */
export function getClient(sql: SqlStorage, clientId: string): Ok<{ client: ClientView }> | RefusedAs<"not_found"> {
  const row = sql.exec<ClientRow>(`${CLIENT_SELECT} WHERE c.id = ?`, clientId).toArray()[0];
  return row ? { outcome: "ok", client: clientView(row) } : { outcome: "not_found" };
}

/** Permanent and idempotent: a second revoke keeps the first revocation time; only the first records its event and audit entry. */
export function revokeClient(
  sql: SqlStorage,
  clientId: string,
  actor: LoggedActor,
  now: number,
): Ok<{ client: ClientView }> | RefusedAs<"not_found"> {
  const { rowsWritten } = sql.exec(
    "UPDATE clients SET status = 'revoked', revoked_at = ? WHERE id = ? AND status = 'active'",
    now,
    clientId,
  );
  if (!clientRow(sql, clientId)) return { outcome: "not_found" };
  const after = rowsWritten > 0 ? projectCredential(sql, clientId, now) : clientRow(sql, clientId)!;
  if (rowsWritten > 0) {
    recordRevocationEvent(sql, clientView(after), now, actor.type === "client" ? actor : { type: actor.type });
    recordAudit(sql, { at: now, actor, action: "client.revoked", target: { type: "client", id: clientId } });
  }
  return { outcome: "ok", client: clientView(after) };
}

/**
 * Verifies a client's secret and says what it may read *now*: its status is
 * read in this call, so a reader right ends with the revoke that answered
 * before it. Revoked clients still authenticate, to read their own requests.
 */
export function authenticateClient(sql: SqlStorage, clientId: string, secretHash: string, now: number, project = false): AuthResult {
  const row = clientRow(sql, clientId);
  if (!row || !secretMatches(row, secretHash, now)) return { outcome: "unauthenticated" };
  touchClient(sql, row, now);
  // A client made before credentials were projected, or one D1 lacks: D1 learns of it now (the caller writes it through).
  if (project || row.projected_version === 0) projectCredential(sql, clientId, now);
  const { id, name, permissions, status } = clientView(row);
  const rotatedOut = row.secret_hash !== secretHash ? row.previous_secret_until : null;
  const client = { id, name, permissions, status, expired: isExpired(row, now), signing: signingOf(row) };
  return { outcome: "ok", client, validUntil: rotatedOut };
}

// The RPCs' side (destination-authority.ts): each decides in one transaction on the host's clock.

/** Creates a client ID, with its limits and signing key if given; the secret is in the answer and nowhere else, ever. */
export async function createClient(
  host: AuthorityHost,
  profile: DestinationProfile,
  c: { name: string; permissions: Permission[]; limits?: LimitsPatch; signing?: SigningPatch },
  actor: LoggedActor,
): Promise<Ok<{ client: ClientView & { secret: string } }>> {
  const issued = await issueClientSecret(profile.id);
  host.initialise(profile);
  const { sql } = host;
  // Shown once, so answered even if D1 has not taken the credential yet: until it has, the client's reads are
  // authorized by this object (clients/client-access.ts), and the outbox keeps retrying.
  await host.commit(issued.clientId, () => {
    const now = host.now();
    insertClient(sql, { ...issued, name: c.name, permissions: c.permissions, limits: c.limits ?? {} }, actor, now);
    // The Worker's schema already refused requireSignedRequests without a key, so this cannot fail.
    if (c.signing?.key || c.signing?.required) changeSigning(sql, clientRow(sql, issued.clientId)!, c.signing, actor, now);
  });
  return { outcome: "ok", client: { ...clientView(clientRow(sql, issued.clientId)!), secret: issued.secret } };
}

/** PATCH: limits (changeLimits) and signing (changeSigning), all or nothing in one transaction. */
export async function updateClient(
  host: AuthorityHost,
  clientId: string,
  patch: { limits?: LimitsPatch; signing?: SigningPatch },
  actor: LoggedActor,
): Promise<Ok<{ client: ClientView; stored: boolean }> | RefusedAs<"not_found" | "conflict" | "validation_failed">> {
  const { sql } = host;
  if (!host.ready || !clientRow(sql, clientId)) return { outcome: "not_found" };
  const rollback = new Error("rollback");
  const box: { refused?: RefusedAs<"conflict" | "validation_failed"> } = {};
  try {
    const { value: row, stored } = await host.commit(clientId, () => {
      const now = host.now();
      let after = clientRow(sql, clientId)!;
      for (const change of [
        () => (patch.limits === undefined ? null : changeLimits(sql, after, patch.limits, actor, now)),
        () =>
          patch.signing === undefined
            ? null
            : after.status === "revoked"
              ? ({ outcome: "conflict", detail: "This client ID is revoked." } as const)
              : changeSigning(sql, after, patch.signing, actor, now),
      ]) {
        const changed = change();
        if (changed === null) continue;
        if (changed.outcome !== "ok") throw ((box.refused = changed), rollback); // undoes a change made above: all or nothing
        after = changed.row;
      }
      return after;
    });
    return { outcome: "ok", client: clientView(row), stored };
  } catch (error) {
    if (error !== rollback) throw error;
    return box.refused!;
  }
}

/** A new secret for the same client id; the old one works for `overlapSeconds` more. */
export async function rotateSecret(
  host: AuthorityHost,
  destinationId: string,
  clientId: string,
  overlapSeconds: number,
  actor: LoggedActor,
): Promise<Ok<{ client: ClientView & { secret: string; previousSecretExpiresAt: string } }> | RefusedAs<"not_found" | "conflict">> {
  const row = host.ready ? clientRow(host.sql, clientId) : undefined;
  if (!row) return { outcome: "not_found" };
  if (row.status === "revoked") return { outcome: "conflict", detail: "This client ID is revoked; revocation is permanent." };
  const issued = await issueSecretFor(destinationId, clientId);
  const now = host.now();
  // Shown once, so answered even if D1 refused the new credential: the outbox retries it, and until it lands the
  // old secret may still read (health shows the pending write).
  const { value: after } = await host.commit(clientId, () =>
    rotateClientSecret(host.sql, clientRow(host.sql, clientId)!, issued, overlapSeconds * 1000, actor, now),
  );
  const previousSecretExpiresAt = isoTime(after.previous_secret_until!);
  return { outcome: "ok", client: { ...clientView(after), secret: issued.secret, previousSecretExpiresAt } };
}
