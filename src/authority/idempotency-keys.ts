import type { AdmissionRecord } from "./authority-types";

/**
 * The authority's idempotency keys (its `idempotency_keys` table, only written here):
 * per caller scope, the fingerprint of what was asked and the admitted record, so a
 * repeat answers the same and a reuse with another body is a conflict.
 */

/** Idempotency keys are answered for 48 h (the contract's floor is 24 h). */
export const IDEMPOTENCY_TTL_MS = 48 * 60 * 60 * 1000;

export type PriorAdmission = { fingerprint: string; record: AdmissionRecord; reply: Record<string, string> | null };

export function priorAdmission(sql: SqlStorage, scope: string, key: string, now: number): PriorAdmission | undefined {
  const row = sql
    .exec<{ fingerprint: string; record: string; reply: string | null }>(
      "SELECT fingerprint, record, reply FROM idempotency_keys WHERE scope = ? AND key = ? AND expires_at > ?",
      scope,
      key,
      now,
    )
    .toArray()[0];
  if (!row) return undefined;
  return {
    fingerprint: row.fingerprint,
    record: JSON.parse(row.record) as AdmissionRecord,
    reply: row.reply ? JSON.parse(row.reply) : null,
  };
}

export function rememberAdmission(sql: SqlStorage, scope: string, key: string, prior: PriorAdmission, now: number): void {
  sql.exec(
    "INSERT OR REPLACE INTO idempotency_keys (scope, key, fingerprint, record, reply, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
    scope,
    key,
    prior.fingerprint,
    JSON.stringify(prior.record),
    prior.reply ? JSON.stringify(prior.reply) : null,
    now + IDEMPOTENCY_TTL_MS,
  );
}

/** Forgets lapsed keys (a lapsed key is already ignored by priorAdmission); answers when the next one lapses. */
export function forgetLapsedKeys(sql: SqlStorage, now: number): number | null {
  sql.exec("DELETE FROM idempotency_keys WHERE expires_at <= ?", now);
  return sql.exec<{ at: number | null }>("SELECT MIN(expires_at) AS at FROM idempotency_keys").one().at;
}
