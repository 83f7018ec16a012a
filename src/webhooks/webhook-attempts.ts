import {
  EVENT_RETENTION_MS,
  FAILING_DISABLE_MS,
  MAX_ATTEMPTS,
  MAX_QUEUE_DELAY_S,
  RETRY_SCHEDULE_MS,
  TEST_EVENT_TYPE,
  type AttemptJob,
  type AttemptOutcome,
  type DeliveryMessage,
} from "./events";
import { clientStanding, endpointMaySee, eventBody, type EndpointRow, type EventRow } from "./webhook-store";

/** A delivery recorded but not on the queue this long is an orphan (its enqueue died): the alarm sends it. */
export const ENQUEUE_GRACE_MS = 10_000;
const ENQUEUE_BATCH = 100;
/** After a success, an endpoint's retries due later than this are sent at once. */
export const BRING_FORWARD_MS = 30_000;

type DeliveryRow = {
  id: string;
  event_id: string;
  event_position: number;
  endpoint_id: string;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  enqueued: number;
  updated_at: number;
};

/** Ids being sent to the queue right now, per object: two overlapping sends must not both send one delivery. */
const sending = new WeakMap<SqlStorage, Set<string>>();

const delaySeconds = (at: number, now: number) => Math.min(MAX_QUEUE_DELAY_S, Math.max(0, Math.ceil((at - now) / 1000)));

/**
 * Puts pending deliveries that are not yet on the queue onto it, with a delay
 * up to their not-before time, and only then marks them enqueued: dying in
 * between means a duplicate message at worst, never a lost one.
 */
export async function enqueueDue(sql: SqlStorage, queue: Queue<DeliveryMessage>, now: number, minAgeMs = 0): Promise<number> {
  const busy = sending.get(sql) ?? new Set<string>();
  sending.set(sql, busy);
  const rows = sql
    .exec<{ id: string; destination_id: string; next_attempt_at: number | null }>(
      `SELECT d.id, e.destination_id, d.next_attempt_at FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
       WHERE d.status = 'pending' AND d.enqueued = 0 AND d.updated_at <= ? LIMIT ?`,
      now - minAgeMs,
      ENQUEUE_BATCH,
    )
    .toArray()
    .filter((r) => !busy.has(r.id));
  if (rows.length === 0) return 0;
  for (const r of rows) busy.add(r.id);
  try {
    await queue.sendBatch(
      rows.map((r) => ({
        body: { destinationId: r.destination_id, deliveryId: r.id },
        delaySeconds: delaySeconds(r.next_attempt_at ?? now, now),
      })),
    );
    sql.exec(`UPDATE webhook_deliveries SET enqueued = 1 WHERE id IN (${rows.map(() => "?").join(",")})`, ...rows.map((r) => r.id));
  } finally {
    for (const r of rows) busy.delete(r.id);
  }
  return rows.length;
}

function settle(sql: SqlStorage, id: string, status: "failed" | "skipped", error: string, now: number): AttemptJob {
  sql.exec(
    "UPDATE webhook_deliveries SET status = ?, last_error = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ?",
    status,
    error,
    now,
    id,
  );
  return { action: "drop" };
}

/** What to send for a delivery now; scope is checked here, at delivery time, against the client as it is now. */
export function beginAttempt(sql: SqlStorage, deliveryId: string, now: number): AttemptJob {
  const d = sql.exec<DeliveryRow>("SELECT * FROM webhook_deliveries WHERE id = ?", deliveryId).toArray()[0];
  if (!d || d.status !== "pending") return { action: "drop" };
  if (d.next_attempt_at !== null && d.next_attempt_at > now + 1000) return { action: "wait", notBefore: d.next_attempt_at };
  const endpoint = sql.exec<EndpointRow>("SELECT * FROM webhook_endpoints WHERE id = ?", d.endpoint_id).toArray()[0];
  const event = sql.exec<EventRow>("SELECT * FROM events WHERE position = ?", d.event_position).toArray()[0];
  if (!endpoint || !event) return settle(sql, d.id, "skipped", "The endpoint or the event no longer exists.", now);
  if (endpoint.status !== "enabled") return settle(sql, d.id, "failed", "The endpoint is disabled.", now);
  const test = event.type === TEST_EVENT_TYPE;
  if (!test && !endpointMaySee(endpoint.client_id, event, clientStanding(sql, endpoint.client_id, now))) {
    return settle(sql, d.id, "skipped", "The endpoint's client may no longer read this request.", now);
  }
  const sealedSecrets = [endpoint.secret_sealed];
  if (endpoint.previous_secret_sealed && (endpoint.previous_secret_until ?? 0) > now) sealedSecrets.push(endpoint.previous_secret_sealed);
  return {
    action: "send",
    endpointId: endpoint.id,
    url: endpoint.url,
    eventId: event.id,
    body: eventBody(event),
    sealedSecrets,
    attempt: d.attempts + 1,
  };
}

/**
 * Records an attempt's outcome and schedules the next one. Only the first
 * report of attempt n counts, so a duplicated queue message cannot advance the
 * schedule twice. Returns whether a retry is now waiting to be enqueued.
 */
export function reportAttempt(sql: SqlStorage, deliveryId: string, attempt: number, outcome: AttemptOutcome, now: number): boolean {
  const d = sql.exec<DeliveryRow>("SELECT * FROM webhook_deliveries WHERE id = ?", deliveryId).toArray()[0];
  if (!d || d.status !== "pending" || d.attempts !== attempt - 1) return false;
  const ok = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
  const base = "UPDATE webhook_deliveries SET attempts = ?, last_status_code = ?, last_error = ?, updated_at = ?";
  if (ok) {
    sql.exec(`${base}, status = 'delivered', next_attempt_at = NULL WHERE id = ?`, attempt, outcome.status, null, now, d.id);
    sql.exec("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ?", d.endpoint_id);
    // The receiver is back: what it missed goes now, not at each delivery's next scheduled retry (up to 24 h away).
    // A retry due within BRING_FORWARD_MS keeps its own message: sending it twice would only duplicate it.
    const { rowsWritten } = sql.exec(
      "UPDATE webhook_deliveries SET next_attempt_at = ?, enqueued = 0, updated_at = ? WHERE endpoint_id = ? AND status = 'pending' AND attempts > 0 AND next_attempt_at > ?",
      now,
      now,
      d.endpoint_id,
      now + BRING_FORWARD_MS,
    );
    return rowsWritten > 0;
  }
  sql.exec("UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, ?) WHERE id = ?", now, d.endpoint_id);
  const endpoint = sql.exec<EndpointRow>("SELECT * FROM webhook_endpoints WHERE id = ?", d.endpoint_id).one();
  let reason: string | null = null;
  if (outcome.status === 410) reason = "The endpoint answered 410 Gone.";
  else if (now - (endpoint.failing_since ?? now) >= FAILING_DISABLE_MS) reason = "Every delivery failed for 5 days.";
  if (reason)
    sql.exec(
      "UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = ? WHERE id = ? AND status = 'enabled'",
      reason,
      d.endpoint_id,
    );
  const retryIn = RETRY_SCHEDULE_MS[attempt - 1];
  if (reason || attempt >= MAX_ATTEMPTS || retryIn === undefined) {
    sql.exec(
      `${base}, status = 'failed', next_attempt_at = NULL WHERE id = ?`,
      attempt,
      outcome.status,
      reason ?? outcome.error,
      now,
      d.id,
    );
    return false;
  }
  sql.exec(`${base}, next_attempt_at = ?, enqueued = 0 WHERE id = ?`, attempt, outcome.status, outcome.error, now, now + retryIn, d.id);
  return true;
}

/** A delivery whose queue message was dead-lettered: failed, and manual retry stays possible. */
export function deadLetter(sql: SqlStorage, deliveryId: string, now: number): void {
  sql.exec(
    "UPDATE webhook_deliveries SET status = 'failed', last_error = 'The delivery could not be processed (dead-lettered).', next_attempt_at = NULL, updated_at = ? WHERE id = ? AND status = 'pending'",
    now,
    deliveryId,
  );
}

/**
 * The alarm's share: forget what is older than 30 days, and say when to come
 * back for deliveries still waiting to be enqueued. Expiry alone never arms the
 * alarm: it runs after every admission anyway, and the catch-up lists hide
 * anything older than 30 days, so an idle destination needs no wake-up for it.
 */
export function webhookHousekeeping(sql: SqlStorage, now: number): number | null {
  const cutoff = now - EVENT_RETENTION_MS;
  sql.exec("DELETE FROM webhook_deliveries WHERE created_at <= ? AND status != 'pending'", cutoff);
  // Events about a request are its timeline: kept with it. Only the others (client.revoked, tests) go.
  sql.exec(
    // Never the newest event: positions are max + 1 (no AUTOINCREMENT), and a catch-up cursor must never see one again.
    `DELETE FROM events WHERE created_at <= ? AND request_id IS NULL
       AND position NOT IN (SELECT event_position FROM webhook_deliveries) AND position < (SELECT MAX(position) FROM events)`,
    cutoff,
  );
  return sql
    .exec<{ at: number | null }>(
      `SELECT MIN(updated_at) + ${ENQUEUE_GRACE_MS} AS at FROM webhook_deliveries WHERE status = 'pending' AND enqueued = 0`,
    )
    .one().at;
}

/** When the oldest event leaves the 30-day log (webhookHousekeeping deletes it then), for the alarm. */
export function nextEventPurge(sql: SqlStorage): number | null {
  const oldest = sql.exec<{ at: number | null }>("SELECT MIN(created_at) AS at FROM events WHERE request_id IS NULL").one().at;
  return oldest === null ? null : oldest + EVENT_RETENTION_MS;
}
