import type { Permission } from "./credentials/permissions";
import type { ClientRow } from "./client-store";
import { outboxOf } from "../authority/outbox";

/**
 * The client's credential, as it is after the change just made in this transaction, projected to D1 through the
 * record pipeline (client_credentials), where an orchestrator's reads are authorized without a call to this
 * object. Every change a read depends on calls it: create, rotation, revocation, a new expiry.
 */
export function projectCredential(sql: SqlStorage, clientId: string, now: number): ClientRow {
  const row = sql.exec<ClientRow>("SELECT * FROM clients WHERE id = ?", clientId).one();
  const version = Math.max(row.projected_version + 1, now);
  sql.exec("UPDATE clients SET projected_version = ? WHERE id = ?", version, clientId);
  outboxOf(sql).put(
    {
      kind: "client",
      row: {
        clientId,
        destinationId: destinationIdOf(sql),
        secretHash: row.secret_hash,
        previousSecretHash: row.previous_secret_hash,
        previousSecretUntil: row.previous_secret_until,
        status: row.status,
        permissions: JSON.parse(row.permissions) as Permission[],
        expiresAt: row.expires_at,
        version,
      },
    },
    now,
  );
  return { ...row, projected_version: version };
}

const destinationIdOf = (sql: SqlStorage) => sql.exec<{ id: string }>("SELECT id FROM destination LIMIT 1").one().id;
