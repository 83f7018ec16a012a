import { recordAudit, type AuditActor } from "./audit-log";
import type { AuthResult, ClientView } from "./authority-types";
import { isExpired } from "./client-limits";
import { clientRow, clientView, secretMatches, touchClient, type ClientRow } from "./client-store";
import { signingOf } from "./signature-evidence";
import { recordRevocationEvent } from "./webhook-hooks";

/**
 * The clients capability's reads and its one irreversible change, inside the
 * authority's transactions (client-store.ts holds the rows, limits and rotation).
 */

export function listClients(sql: SqlStorage): ClientView[] {
  return sql.exec<ClientRow>("SELECT * FROM clients ORDER BY created_at DESC, id DESC").toArray().map(clientView);
}

/** Permanent and idempotent: a second revoke keeps the first revocation time; only the first records its event and audit entry. */
export function revokeClient(sql: SqlStorage, clientId: string, actor: AuditActor, now: number): ClientView | null {
  const { rowsWritten } = sql.exec(
    "UPDATE clients SET status = 'revoked', revoked_at = ? WHERE id = ? AND status = 'active'",
    now,
    clientId,
  );
  const after = clientRow(sql, clientId);
  if (!after) return null;
  if (rowsWritten > 0) {
    recordRevocationEvent(sql, clientView(after), now, actor.type === "client" ? actor : { type: actor.type });
    recordAudit(sql, { at: now, actor, action: "client.revoked", target: { type: "client", id: clientId } });
  }
  return clientView(after);
}

/**
 * Verifies a client's secret and says what it may read *now*: its status is
 * read in this call, so a reader right ends with the revoke that answered
 * before it. Revoked clients still authenticate, to read their own requests.
 */
export function authenticateClient(sql: SqlStorage, clientId: string, secretHash: string, now: number): AuthResult {
  const row = clientRow(sql, clientId);
  if (!row || !secretMatches(row, secretHash, now)) return { ok: false };
  touchClient(sql, row, now);
  const { id, name, permissions, status } = clientView(row);
  const rotatedOut = row.secret_hash !== secretHash ? row.previous_secret_until : null;
  const client = { id, name, permissions, status, expired: isExpired(row, now), signing: signingOf(row) };
  return { ok: true, client, validUntil: rotatedOut };
}
