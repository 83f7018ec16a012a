import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AdmissionRecord, TransitionRecord } from "../durable-objects/authority-types";
import type { Database } from "./client";
import { paymentLinks, requestEvents, requests } from "./schema";

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
        set: { status: sql`excluded.status`, statusSequence: sql`excluded.status_sequence`, updatedAt: sql`excluded.updated_at` },
        setWhere: sql`${requests.statusSequence} < excluded.status_sequence`,
      }),
    db.insert(requestEvents).values(event).onConflictDoNothing(),
  ];
}
