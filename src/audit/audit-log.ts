import { loggedActor, type CallerActor, type LoggedActor } from "../lib/actor";
import { decodeLogCursor, encodeLogCursor } from "../lib/cursor";
import { newId } from "../lib/ids";
import type { AuditTargetType } from "./audit.schemas";
import type { AuthorityHost } from "../authority/authority-host";
import type { WebhookResult } from "../webhooks/webhook-callers";
import { isoTime } from "../lib/iso-time";

export type AuditAction =
  | "destination.claimed"
  | "client.created"
  | "client.limits_changed"
  | "client.secret_rotated"
  | "client.signing_changed"
  | "client.revoked"
  | "request.approved"
  | "request.rejected"
  | "request.cancelled"
  | "request.expired"
  | "request.marked_paid"
  | "request.refunded"
  | "webhook_endpoint.created"
  | "webhook_endpoint.deleted"
  | "webhook_endpoint.secret_rotated"
  | "member.invited"
  | "member.invitation_withdrawn"
  | "member.joined"
  | "member.role_changed"
  | "member.removed";

export type AuditEntry = {
  at: number;
  actor: LoggedActor;
  action: AuditAction;
  /** What was acted on: `{type, id}` of a destination, client, request, webhook endpoint, member (user id) or invitation. */
  target: { type: AuditTargetType; id: string };
  /** What changed, never a secret (a hint at most). */
  details?: Record<string, unknown>;
};

export type AuditView = Omit<AuditEntry, "at" | "details"> & { id: string; at: string; details: Record<string, unknown> };

/**
 * Appends one entry. Call it inside the same transactionSync as the action it
 * records, so the log and the state cannot disagree: an action that rolled
 * back left no entry, and one that happened always has its entry.
 */
export function recordAudit(sql: SqlStorage, entry: AuditEntry): void {
  sql.exec(
    "INSERT INTO audit_log (id, at, actor, action, target, details) VALUES (?, ?, ?, ?, ?, ?)",
    newId("aud"),
    entry.at,
    JSON.stringify(entry.actor),
    entry.action,
    JSON.stringify(entry.target),
    JSON.stringify(entry.details ?? {}),
  );
}

/** How long an audit entry is kept: a year of who-did-what, then the alarm forgets it (docs/storage-schema.md). */
export const AUDIT_RETENTION_MS = 365 * 24 * 3600_000;
const AUDIT_PRUNE_BATCH = 500;

/**
 * Forgets entries past AUDIT_RETENTION_MS, oldest first, a bounded batch per
 * alarm run: it reads only the head of the log by position, never the whole log.
 */
export function pruneAudit(sql: SqlStorage, now: number): void {
  sql.exec(
    "DELETE FROM audit_log WHERE position IN (SELECT position FROM audit_log ORDER BY position LIMIT ?) AND at <= ?",
    AUDIT_PRUNE_BATCH,
    now - AUDIT_RETENTION_MS,
  );
}

/** One actor's entries: a member by user id, a client by id, or Payrelay itself. */
export type AuditActorFilter = { type: "user"; userId: string } | { type: "client"; clientId: string } | { type: "system" };

function actorWhere(actor: AuditActorFilter | null): [string, ...string[]] {
  if (actor === null) return [""];
  if (actor.type === "system") return [" AND json_extract(actor, '$.type') = 'system'"];
  if (actor.type === "user") return [" AND json_extract(actor, '$.type') = 'user' AND json_extract(actor, '$.userId') = ?", actor.userId];
  return [" AND json_extract(actor, '$.type') = 'client' AND json_extract(actor, '$.clientId') = ?", actor.clientId];
}

type AuditRow = { position: number; id: string; at: number; actor: string; action: AuditAction; target: string; details: string };

export const AUDIT_PAGE = 50;

/**
 * Newest first, by insertion order (not by `at`: a claim is logged with the
 * claim's own time when the authority first hears of it). The cursor is the
 * last entry's position, opaque to callers; a cursor we did not issue is null.
 */
export function listAudit(
  sql: SqlStorage,
  cursor: string | null,
  actor: AuditActorFilter | null = null,
): { data: AuditView[]; nextCursor: string | null } | null {
  const before = cursor === null ? Number.MAX_SAFE_INTEGER : decodeLogCursor("aud", cursor);
  if (before === null) return null;
  const [where, ...args] = actorWhere(actor);
  const rows = sql
    .exec<AuditRow>(`SELECT * FROM audit_log WHERE position < ?${where} ORDER BY position DESC LIMIT ?`, before, ...args, AUDIT_PAGE + 1)
    .toArray();
  const page = rows.slice(0, AUDIT_PAGE);
  return {
    data: page.map((r) => ({
      id: r.id,
      at: isoTime(r.at),
      actor: JSON.parse(r.actor) as LoggedActor,
      action: r.action,
      target: JSON.parse(r.target) as AuditEntry["target"],
      details: JSON.parse(r.details) as Record<string, unknown>,
    })),
    nextCursor: rows.length > AUDIT_PAGE ? encodeLogCursor("aud", page[page.length - 1]!.position) : null,
  };
}

/**
 * A webhook endpoint change (create, delete, rotate) and its audit entry in
 * one transaction; `run` is the change, refused changes log nothing.
 */
export function auditedChange<T extends object>(
  host: Pick<AuthorityHost, "sql" | "transaction">,
  caller: CallerActor,
  action: AuditAction,
  endpointId: (value: T) => string,
  run: () => WebhookResult<T>,
  now: number,
): WebhookResult<T> {
  return host.transaction(() => {
    const result = run();
    if (result.outcome === "ok") {
      recordAudit(host.sql, {
        at: now,
        actor: loggedActor(caller),
        action,
        target: { type: "webhook_endpoint", id: endpointId(result.value) },
      });
    }
    return result;
  });
}

/**
 * Keeps the destination's profile; the first time, records its claim (with the
 * claim's own time: the authority learns of a claim only when first initialised).
 */
export function saveProfile(
  sql: SqlStorage,
  profile: { id: string; token: unknown; claim?: { at: number; userId: string; email: string } },
): void {
  const known = sql.exec("SELECT 1 FROM destination WHERE id = ?", profile.id).toArray().length > 0;
  sql.exec(
    "INSERT INTO destination (id, token) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET token = excluded.token",
    profile.id,
    JSON.stringify(profile.token),
  );
  if (known || !profile.claim) return;
  const { at, userId, email } = profile.claim;
  recordAudit(sql, {
    at,
    actor: { type: "user", userId, email },
    action: "destination.claimed",
    target: { type: "destination", id: profile.id },
  });
}
