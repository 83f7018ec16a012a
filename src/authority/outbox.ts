import type { OutboxRecord } from "./authority-types";

/**
 * The record pipeline's first half, and the one owner of the `outbox` table.
 * Every state change the authority commits becomes records `put` here inside
 * the same transactionSync, so "committed" and "on its way to D1" are one fact.
 * The pipeline (record-pipeline.ts) writes each record through to D1 and then
 * `settle`s it: written ones are deleted, failed ones wait their backoff, and a
 * record that failed SET_ASIDE_AFTER times is set aside (still retried, slowly)
 * so that it never holds back the others. See docs/architecture.md.
 */

/** One id scheme for every kind: a record's id is derived from what it carries, so a repeat put is the same row. */
export function outboxId(record: OutboxRecord): string {
  if (record.kind === "transition") return `transition:${record.event.id}`;
  if (record.kind === "payment") return `payment:${record.row.id}:${record.row.version}`;
  if (record.kind === "client") return `client:${record.row.clientId}:${record.row.version}`;
  return `${record.kind}:${record.row.id}`;
}

/** The request a record is about (a link's own id for a link): what a replay flushes before it answers. */
function subjectOf(record: OutboxRecord): string {
  if (record.kind === "payment") return record.row.requestId ?? record.row.id;
  if (record.kind === "client") return record.row.clientId;
  return record.row.id;
}

/** Retry delays after the 1st, 2nd, … failed write; the last repeats for a set-aside record. */
export const WRITE_BACKOFF_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 21_600_000];
/** After this many failed writes a record counts as failed in the health view (it is still retried every 6 h). */
export const SET_ASIDE_AFTER = 8;
/** A fresh record belongs to the write-through that put it; the alarm leaves it alone this long. */
export const IN_FLIGHT_MS = 10_000;

export type PendingRecord = { id: string; record: OutboxRecord };
export type WriteOutcome = { id: string; error: string | null };
export type OutboxHealth = { pendingWrites: number; oldestPendingAt: number | null; failedWrites: number };

const outboxes = new WeakMap<SqlStorage, Outbox>();

/** The outbox of the authority whose storage this is: every capability puts its records through it. */
export function outboxOf(sql: SqlStorage): Outbox {
  let outbox = outboxes.get(sql);
  if (!outbox) outboxes.set(sql, (outbox = new Outbox(sql)));
  return outbox;
}

export class Outbox {
  private fresh: PendingRecord[] = [];

  /** Use outboxOf(sql): one instance per storage, so a transaction's puts and its write-through see the same list. */
  constructor(private readonly sql: SqlStorage) {}

  /** Inside the committing transaction: the record will reach D1 whatever happens to the caller. */
  put(record: OutboxRecord, now: number): void {
    const id = outboxId(record);
    this.sql.exec(
      "INSERT OR REPLACE INTO outbox (id, subject, record, committed_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 0, ?)",
      id,
      subjectOf(record),
      JSON.stringify(record),
      now,
      now + IN_FLIGHT_MS,
    );
    this.fresh.push({ id, record });
  }

  /** The records put since the last call: what the caller's transaction committed, for its write-through. */
  takeFresh(): PendingRecord[] {
    const taken = this.fresh;
    this.fresh = [];
    return taken;
  }

  /** What is still unwritten about one request or link (a replay writes it before answering). */
  pendingFor(subject: string): PendingRecord[] {
    return this.sql
      .exec<{ id: string; record: string }>("SELECT id, record FROM outbox WHERE subject = ? ORDER BY committed_at", subject)
      .toArray()
      .map((r) => ({ id: r.id, record: JSON.parse(r.record) as OutboxRecord }));
  }

  /** Records whose next attempt is due, oldest commit first. */
  due(now: number, limit: number): PendingRecord[] {
    return this.sql
      .exec<{ id: string; record: string }>(
        "SELECT id, record FROM outbox WHERE next_attempt_at <= ? ORDER BY committed_at LIMIT ?",
        now,
        limit,
      )
      .toArray()
      .map((r) => ({ id: r.id, record: JSON.parse(r.record) as OutboxRecord }));
  }

  /** After a write: forget what D1 has, back off what it refused. Returns when the earliest failed one is due again. */
  settle(outcomes: WriteOutcome[], now: number): number | null {
    let retryAt: number | null = null;
    for (const { id, error } of outcomes) {
      if (error === null) {
        this.sql.exec("DELETE FROM outbox WHERE id = ?", id);
        continue;
      }
      const row = this.sql.exec<{ attempts: number }>("SELECT attempts FROM outbox WHERE id = ?", id).toArray()[0];
      if (!row) continue; // another write-through of the same record got there first
      const attempts = row.attempts + 1;
      const at = now + WRITE_BACKOFF_MS[Math.min(attempts, WRITE_BACKOFF_MS.length) - 1]!;
      this.sql.exec(
        "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
        attempts,
        at,
        error.slice(0, 500),
        id,
      );
      retryAt = retryAt === null ? at : Math.min(retryAt, at);
    }
    return retryAt;
  }

  /** When the alarm must next write something, if anything waits. */
  nextWake(): number | null {
    return this.sql.exec<{ at: number | null }>("SELECT MIN(next_attempt_at) AS at FROM outbox").one().at;
  }

  /** For the recipient's health view: records not yet in D1, the oldest one's commit time, and the set-aside ones. */
  health(): OutboxHealth {
    const row = this.sql
      .exec<{ pending: number; oldest: number | null; failed: number }>(
        "SELECT COUNT(*) AS pending, MIN(committed_at) AS oldest, COALESCE(SUM(attempts >= ?), 0) AS failed FROM outbox",
        SET_ASIDE_AFTER,
      )
      .one();
    return { pendingWrites: row.pending - row.failed, oldestPendingAt: row.oldest, failedWrites: row.failed };
  }
}
