import { getTableColumns, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AdmissionRecord, ClientRecord, OutboxRecord, PayerRecord, TransitionRecord } from "./authority-types";
import type { PendingRecord, WriteOutcome } from "./outbox";
import { preparedOnce, type Database } from "../db/client";
import {
  clientCredentials,
  paymentLinks,
  payments,
  refunds,
  requestEvents,
  requests,
  type PaymentRow,
  type RequestRow,
} from "../db/schema";

/**
 * The D1 write of an admitted create. `ON CONFLICT DO NOTHING` on the primary
 * key makes it safe to run any number of times: by the Worker right after
 * admission, by a replay with the same Idempotency-Key, and by the
 * authority's alarm draining its outbox. Whoever runs first writes the row.
 */
export function recordInsert(db: Database, record: AdmissionRecord) {
  return record.kind === "request"
    ? db.insert(requests).values(record.row).onConflictDoNothing()
    : db.insert(paymentLinks).values(record.row).onConflictDoNothing();
}

/**
 * The request INSERT of recordInsert, prepared once per database handle. Each column's value is a bare
 * placeholder (no column encoder: drizzle's would write a JSON column's null as the text "null"), bound
 * to the value encoded here as drizzle's unprepared insert does: null stays NULL.
 */
const REQUEST_COLUMNS = Object.entries(getTableColumns(requests));
const insertRequest = (db: Database) =>
  db
    .insert(requests)
    .values(Object.fromEntries(REQUEST_COLUMNS.map(([key]) => [key, sql`${sql.placeholder(key)}`])) as unknown as RequestRow)
    .onConflictDoNothing()
    .prepare();

/**
 * recordInsert, run on its own (the create path's one D1 statement). A request's
 * INSERT is prepared once and bound per create: drizzle building it anew was
 * about a tenth of a create's CPU in the Worker (bench/findings.md). A row
 * missing a column (an admission recorded before that column existed) takes
 * the unprepared path, which fills in the column's default.
 */
export async function runRecordInsert(db: Database, record: AdmissionRecord): Promise<void> {
  const row = record.row as Record<string, unknown>;
  if (record.kind !== "request" || REQUEST_COLUMNS.some(([key]) => row[key] === undefined)) {
    await recordInsert(db, record).run();
    return;
  }
  await preparedOnce(db, "request insert", insertRequest).run(
    Object.fromEntries(REQUEST_COLUMNS.map(([key, column]) => [key, row[key] === null ? null : column.mapToDriverValue(row[key])])),
  );
}

/**
 * The D1 write of a transition, two statements for one `db.batch`: the
 * request's new state, applied only over an older `status_sequence` (so a
 * late or repeated write never moves it backwards), and its event, once.
 * The state is an upsert of the whole row rather than a bare UPDATE: if the
 * create has not reached D1 yet (it is still in the outbox), the transition
 * writes the row, and the create's later `DO NOTHING` leaves it alone.
 */
export function recordTransition(db: Database, record: TransitionRecord): BatchItem<"sqlite">[] {
  const { row, event } = record;
  return [
    db
      .insert(requests)
      .values(row)
      .onConflictDoUpdate({
        target: requests.id,
        set: {
          status: sql`excluded.status`,
          statusSequence: sql`excluded.status_sequence`,
          updatedAt: sql`excluded.updated_at`,
          amountPaidMinor: sql`excluded.amount_paid_minor`,
          paidLate: sql`excluded.paid_late`,
          refundedMinor: sql`excluded.refunded_minor`,
        },
        setWhere: sql`${requests.statusSequence} < excluded.status_sequence`,
      }),
    db.insert(requestEvents).values(event).onConflictDoNothing(),
    ...(record.payments ?? []).map((p) => recordPaymentRow(db, p)),
    // A refund is written once and never changed: inserting it again is a no-op.
    ...(record.refunds ?? []).map((r) => db.insert(refunds).values(r).onConflictDoNothing()),
  ];
}

/**
 * A payment's D1 write: the whole row, applied only over an older `version`,
 * so the Worker's write and the alarm's repeat of it land in any order.
 */
export function recordPaymentRow(db: Database, row: PaymentRow) {
  const columns = (Object.keys(row) as (keyof PaymentRow)[]).filter((k) => k !== "id");
  const set = Object.fromEntries(columns.map((k) => [k, sql.raw(`excluded.${payments[k].name}`)]));
  return db
    .insert(payments)
    .values(row)
    .onConflictDoUpdate({ target: payments.id, set, setWhere: sql`${payments.version} < excluded.version` });
}

/**
 * A payer's declared wallet: the request's `payer` only. An upsert of the whole
 * row, like a transition's, so it lands before or after the create; a payer is
 * declared once and never changes afterwards, so a repeat writes the same value.
 */
export function recordPayer(db: Database, record: PayerRecord) {
  return db
    .insert(requests)
    .values(record.row)
    .onConflictDoUpdate({ target: requests.id, set: { payer: sql`excluded.payer` } });
}

/** A client's credential: the whole row, applied only over an older `version` (a retry never undoes a rotation). */
export function recordCredential(db: Database, record: ClientRecord) {
  const columns = (Object.keys(record.row) as (keyof ClientRecord["row"])[]).filter((k) => k !== "clientId");
  const set = Object.fromEntries(columns.map((k) => [k, sql.raw(`excluded.${clientCredentials[k].name}`)]));
  return db
    .insert(clientCredentials)
    .values(record.row)
    .onConflictDoUpdate({ target: clientCredentials.clientId, set, setWhere: sql`${clientCredentials.version} < excluded.version` });
}

/** The D1 statements of any outbox record. */
export function recordOutbox(db: Database, record: OutboxRecord): BatchItem<"sqlite">[] {
  if (record.kind === "client") return [recordCredential(db, record)];
  if (record.kind === "transition") return recordTransition(db, record);
  if (record.kind === "payer") return [recordPayer(db, record)];
  if (record.kind === "payment") return [recordPaymentRow(db, record.row)];
  return [recordInsert(db, record)];
}

/** D1's own reason, without the statement and its bound values (they carry payer and payee data). */
const message = (err: unknown): string => {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return (cause instanceof Error ? cause.message : String(cause)).split("\n")[0]!.slice(0, 300);
};

async function writeOne(db: Database, { record }: PendingRecord): Promise<void> {
  if (record.kind === "request" || record.kind === "link") return runRecordInsert(db, record);
  const [first, ...rest] = recordOutbox(db, record);
  await db.batch([first!, ...rest]);
}

/**
 * The record pipeline's second half: the one function that writes committed
 * records to D1, for every path (create, transition, payment, expiry, re-check,
 * the alarm's retries). Each record is idempotent (insert-once, or guarded by
 * its sequence or version), so a repeat or a reordering is harmless. All of
 * them go as one batch; if D1 refuses the batch, each is written on its own, so
 * one record D1 refuses (a constraint, a bug, a row too large) fails alone and
 * the others land. It never throws: the outcome per record goes back to the
 * outbox, which backs off the failed ones.
 */
export async function writeRecords(db: Database, pending: PendingRecord[]): Promise<WriteOutcome[]> {
  if (pending.length === 0) return [];
  if (pending.length > 1) {
    const [first, ...rest] = pending.flatMap((p) => recordOutbox(db, p.record));
    try {
      await db.batch([first!, ...rest]);
      return pending.map((p) => ({ id: p.id, error: null }));
    } catch {
      // Fall through: find which ones D1 refuses.
    }
  }
  const outcomes: WriteOutcome[] = [];
  for (const p of pending) {
    try {
      await writeOne(db, p);
      outcomes.push({ id: p.id, error: null });
    } catch (err) {
      console.error("D1 refused a record; it waits in the outbox", p.id, message(err));
      outcomes.push({ id: p.id, error: message(err) });
    }
  }
  return outcomes;
}
