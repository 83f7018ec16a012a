import type { LoggedActor } from "../lib/actor";
import type { ClientStatus, Permission } from "./credentials/permissions";
import { constantTimeEqual } from "../lib/crypto";
import { invalidField, type RefusedAs } from "../authority/outcomes";
import { recordAudit } from "../audit/audit-log";
import type { ClientSigning, ClientView } from "../authority/authority-types";
import type { SigningKey } from "./signing/signing-key";
import { limitsOf, limitsView, type LimitsRow, type StoredLimits } from "../limits/client-limits";
import { projectCredential } from "./credential-projection";
import { isoTime, isoOrNull } from "../lib/iso-time";

/**
 * A destination's client rows in the authority: the view, the secret check
 * (the current secret, or the previous one during a rotation's overlap), and
 * the changes the recipient makes to a client. Called inside transactionSync;
 * each change writes its audit entry in the same step.
 */

export type ClientRow = LimitsRow & {
  name: string;
  permissions: string;
  secret_hash: string;
  secret_hint: string;
  status: ClientStatus;
  created_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
  previous_secret_hash: string | null;
  previous_secret_until: number | null;
  signing_key: string | null;
  signing_key_thumbprint: string | null;
  require_signed: number;
  /** The version of the credential last projected to D1 (projectCredential); 0 for a client never projected. */
  projected_version: number;
  /** Its last create, from its rate bucket (CLIENT_SELECT): a create writes no row of its own to say it was used. */
  last_create_at?: number | null;
};

/** A client row with the time of its last create, which its rate bucket keeps. */
export const CLIENT_SELECT =
  "SELECT c.*, (SELECT b.updated_at FROM rate_buckets b WHERE b.client_id = c.id) AS last_create_at FROM clients c";

/** The client's signing key and whether it must sign (signature-evidence.ts checks admissions against it). */
export const signingOf = (row: ClientRow): ClientSigning => ({
  key: row.signing_key === null ? null : (JSON.parse(row.signing_key) as SigningKey),
  required: row.require_signed === 1,
});

export function clientView(row: ClientRow): ClientView {
  return {
    id: row.id,
    name: row.name,
    permissions: JSON.parse(row.permissions) as Permission[],
    status: row.status,
    createdAt: isoOrNull(row.created_at)!,
    revokedAt: isoOrNull(row.revoked_at),
    lastUsedAt: isoOrNull(Math.max(row.last_used_at ?? 0, row.last_create_at ?? 0) || null),
    secretHint: row.secret_hint,
    ...limitsView(row),
    signingKey: signingOf(row).key,
    requireSignedRequests: row.require_signed === 1,
  };
}

/** Constant-time against both hashes, whichever matches: the old secret works until its overlap ends, not a moment after. */
export function secretMatches(row: ClientRow, secretHash: string, now: number): boolean {
  const current = constantTimeEqual(row.secret_hash, secretHash);
  const previous =
    row.previous_secret_hash !== null && (row.previous_secret_until ?? 0) > now && constantTimeEqual(row.previous_secret_hash, secretHash);
  return current || previous;
}

/** A change to limits; `expiresAt: null` removes the expiry, an absent key keeps what is there. */
export type LimitsPatch = Partial<StoredLimits> & { expiresAt?: number | null };

export type LimitsChange = { outcome: "ok"; row: ClientRow } | RefusedAs<"conflict" | "validation_failed">;

/**
 * Applies a limits change the way yagna amends an allocation: a budget never
 * below what its client has already reserved (409), no expiry in the past
 * (400, on the authority's clock), and no change of the budget's currency
 * while something is reserved in the old one (409).
 */
export function changeLimits(sql: SqlStorage, row: ClientRow, patch: LimitsPatch, actor: LoggedActor, clock: number): LimitsChange {
  if (row.status === "revoked") return { outcome: "conflict", detail: "This client ID is revoked; its limits no longer matter." };
  if (patch.expiresAt !== undefined && patch.expiresAt !== null && patch.expiresAt <= clock)
    return invalidField("limits.expiresAt", "Must be in the future.", "expiresAt must be in the future.");
  const { expiresAt, ...rest } = patch;
  const next: StoredLimits = { ...limitsOf(row), ...rest };
  const spent = BigInt(row.budget_spent);
  const budget = next.outgoingBudget;
  const before = limitsOf(row).outgoingBudget;
  if (budget && spent > 0n && before && before.currency !== budget.currency) {
    return {
      outcome: "conflict",
      detail: `${before.currency} is reserved under the current budget; keep its currency until those requests end.`,
    };
  }
  if (budget && BigInt(budget.minor) < spent) {
    return {
      outcome: "conflict",
      detail: "The budget cannot be lowered below what this client ID has already spent or reserved.",
    };
  }
  const expires = expiresAt === undefined ? row.expires_at : expiresAt;
  sql.exec("UPDATE clients SET limits = ?, expires_at = ? WHERE id = ?", JSON.stringify(next), expires, row.id);
  const after = expires === row.expires_at ? clientRow(sql, row.id)! : projectCredential(sql, row.id, clock);
  recordAudit(sql, {
    at: clock,
    actor,
    action: "client.limits_changed",
    target: { type: "client", id: row.id },
    // Before and after, so the audit page can say what changed.
    details: { before: limitsView(row).limits, limits: limitsView(after).limits },
  });
  return { outcome: "ok", row: after };
}

/** Replaces the secret; the previous one keeps working for `overlapMs`. Only the new hint is logged. */
export function rotateClientSecret(
  sql: SqlStorage,
  row: ClientRow,
  issued: { secretHash: string; secretHint: string },
  overlapMs: number,
  actor: LoggedActor,
  now: number,
): ClientRow {
  const until = now + overlapMs;
  sql.exec(
    "UPDATE clients SET secret_hash = ?, secret_hint = ?, previous_secret_hash = ?, previous_secret_until = ? WHERE id = ?",
    issued.secretHash,
    issued.secretHint,
    row.secret_hash,
    until,
    row.id,
  );
  recordAudit(sql, {
    at: now,
    actor,
    action: "client.secret_rotated",
    target: { type: "client", id: row.id },
    details: { secretHint: issued.secretHint, previousSecretExpiresAt: isoTime(until) },
  });
  return projectCredential(sql, row.id, now);
}

/** Inserts a new client with its limits, and its audit entry (name, permissions, hint: never the secret). */
export function insertClient(
  sql: SqlStorage,
  c: { clientId: string; name: string; permissions: Permission[]; secretHash: string; secretHint: string; limits: LimitsPatch },
  actor: LoggedActor,
  now: number,
): void {
  const { expiresAt = null, ...stored } = c.limits;
  sql.exec(
    "INSERT INTO clients (id, name, permissions, secret_hash, secret_hint, status, created_at, limits, expires_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)",
    c.clientId,
    c.name,
    JSON.stringify(c.permissions),
    c.secretHash,
    c.secretHint,
    now,
    Object.keys(stored).length > 0 ? JSON.stringify(stored) : null,
    expiresAt,
  );
  const details = { name: c.name, permissions: c.permissions, secretHint: c.secretHint };
  recordAudit(sql, { at: now, actor, action: "client.created", target: { type: "client", id: c.clientId }, details });
  projectCredential(sql, c.clientId, now);
}

export const clientRow = (sql: SqlStorage, id: string): ClientRow | undefined =>
  sql.exec<ClientRow>(`${CLIENT_SELECT} WHERE c.id = ?`, id).toArray()[0];

/** `last_used_at` moves at most once a minute: a client's every read is not a write (a create's time is its bucket's). */
const LAST_USED_RESOLUTION_MS = 60_000;

export function touchClient(sql: SqlStorage, row: ClientRow, now: number): void {
  if (row.last_used_at === null || now - row.last_used_at >= LAST_USED_RESOLUTION_MS) {
    sql.exec("UPDATE clients SET last_used_at = ? WHERE id = ?", now, row.id);
  }
}
