import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AdmissionRecord, OutboxRecord, TransitionRecord } from "../durable-objects/authority-types";
import type { Database } from "./client";
import { paymentLinks, payments, requestEvents, requests, type PaymentRow } from "./schema";

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
        },
        setWhere: sql`${requests.statusSequence} < excluded.status_sequence`,
      }),
    db.insert(requestEvents).values(event).onConflictDoNothing(),
    ...(record.payments ?? []).map((p) => recordPaymentRow(db, p)),
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

/** The D1 statements of any outbox record. */
export function recordOutbox(db: Database, record: OutboxRecord): BatchItem<"sqlite">[] {
  if (record.kind === "transition") return recordTransition(db, record);
  if (record.kind === "payment") return [recordPaymentRow(db, record.row)];
  return [recordInsert(db, record)];
}
