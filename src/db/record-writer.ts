import type { AdmissionRecord } from "../durable-objects/authority-types";
import type { Database } from "./client";
import { paymentLinks, requests } from "./schema";

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
