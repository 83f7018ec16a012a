/**
 * The destination authority's own SQLite schema, applied in order under
 * blockConcurrencyWhile. Append a step, never edit one: a deployed object has
 * already run the earlier steps. See docs/storage-schema.md for who writes what.
 */
export const AUTHORITY_MIGRATIONS: readonly string[] = [
  `CREATE TABLE clients (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     permissions TEXT NOT NULL,
     secret_hash TEXT NOT NULL,
     secret_hint TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
     created_at INTEGER NOT NULL,
     revoked_at INTEGER,
     last_used_at INTEGER
   );
   CREATE TABLE idempotency_keys (
     scope TEXT NOT NULL,
     key TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     record TEXT NOT NULL,
     reply TEXT,
     expires_at INTEGER NOT NULL,
     PRIMARY KEY (scope, key)
   );
   CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
   CREATE TABLE outbox (
     id TEXT PRIMARY KEY,
     record TEXT NOT NULL,
     admitted_at INTEGER NOT NULL
   );
   CREATE INDEX outbox_admitted ON outbox (admitted_at);`,
  // v2: the destination's token (for currency checks at admission) and the per-request link cap.
  `CREATE TABLE destination (
     id TEXT PRIMARY KEY,
     token TEXT NOT NULL
   );
   CREATE TABLE link_counts (
     request_id TEXT PRIMARY KEY,
     n INTEGER NOT NULL
   );`,
  // Webhooks: endpoints with sealed secrets, the event log, deliveries. See webhook-store.ts.
  `CREATE TABLE webhook_endpoints (
     id TEXT PRIMARY KEY,
     destination_id TEXT NOT NULL,
     client_id TEXT,
     url TEXT NOT NULL,
     events TEXT NOT NULL,
     secret_sealed TEXT NOT NULL,
     previous_secret_sealed TEXT,
     previous_secret_until INTEGER,
     status TEXT NOT NULL CHECK (status IN ('enabled', 'disabled')),
     disabled_reason TEXT,
     failing_since INTEGER,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX webhook_endpoints_client ON webhook_endpoints (client_id);
   CREATE TABLE events (
     position INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     type TEXT NOT NULL,
     request_id TEXT,
     direction TEXT,
     client_id TEXT,
     object TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX events_created ON events (created_at);
   CREATE TABLE webhook_deliveries (
     id TEXT PRIMARY KEY,
     event_id TEXT NOT NULL,
     endpoint_id TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
     attempts INTEGER NOT NULL DEFAULT 0,
     last_status_code INTEGER,
     last_error TEXT,
     next_attempt_at INTEGER,
     enqueued INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at);
   CREATE INDEX webhook_deliveries_unenqueued ON webhook_deliveries (status, enqueued);
   CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);`,
  // Lifecycle: the authority is the single writer of a request's state. See request-state.ts.
  // The partial index holds only what may still expire, so the alarm's scan stays small.
  `CREATE TABLE requests (
     id TEXT PRIMARY KEY,
     direction TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
     status TEXT NOT NULL,
     creator_client_id TEXT,
     expires_at INTEGER,
     sequence INTEGER NOT NULL,
     row TEXT NOT NULL
   );
   CREATE INDEX requests_expiry ON requests (expires_at)
     WHERE expires_at IS NOT NULL AND status IN ('pending', 'pending_approval', 'approved');`,
  // Payments: verified Transfer logs and declared payments; one log pays at most one request (the
  // unique index), a null request_id is an unattributed transfer. See payment-state.ts and payment-recheck.ts.
  `CREATE TABLE payments (
     id TEXT PRIMARY KEY,
     request_id TEXT,
     chain_id INTEGER,
     tx_hash TEXT,
     log_index INTEGER,
     from_address TEXT,
     amount_minor TEXT NOT NULL,
     decimals INTEGER NOT NULL,
     block_number INTEGER,
     status TEXT NOT NULL CHECK (status IN ('confirming', 'confirmed', 'dropped')),
     declared INTEGER NOT NULL DEFAULT 0,
     note TEXT,
     required INTEGER NOT NULL DEFAULT 1,
     recheck_at INTEGER,
     created_at INTEGER NOT NULL,
     confirmed_at INTEGER,
     version INTEGER NOT NULL
   );
   CREATE UNIQUE INDEX payments_log ON payments (chain_id, tx_hash, log_index);
   CREATE INDEX payments_request ON payments (request_id);
   CREATE INDEX payments_recheck ON payments (recheck_at) WHERE recheck_at IS NOT NULL;`,
  // Limits and credential lifecycle: a client's limits and expiry, its previous secret during a
  // rotation's overlap, the budget it has reserved (a running total beside one row per reserving request, so a
  // release finds its row exactly once), its create-rate bucket, and the destination's audit log.
  // See client-limits.ts, budget-ledger.ts, rate-bucket.ts, audit-log.ts.
  `ALTER TABLE clients ADD COLUMN limits TEXT;
   ALTER TABLE clients ADD COLUMN expires_at INTEGER;
   ALTER TABLE clients ADD COLUMN budget_spent TEXT NOT NULL DEFAULT '0';
   ALTER TABLE clients ADD COLUMN previous_secret_hash TEXT;
   ALTER TABLE clients ADD COLUMN previous_secret_until INTEGER;
   CREATE TABLE budget_reservations (
     request_id TEXT PRIMARY KEY,
     client_id TEXT NOT NULL,
     amount_minor TEXT NOT NULL,
     reserved_at INTEGER NOT NULL
   );
   CREATE TABLE rate_buckets (
     client_id TEXT PRIMARY KEY,
     tokens REAL NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE audit_log (
     position INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT NOT NULL,
     details TEXT NOT NULL
   );`,
  // The record pipeline (outbox.ts): one id scheme, the request (or link) a record is about, and per-record
  // attempts with a backoff, so a record D1 refuses waits on its own. WITHOUT ROWID and no secondary index:
  // a record lives here for one D1 round trip, so a create costs one row written and one deleted, and the
  // scans (due, subject, health) read a table that is empty but for what D1 refused.
  `ALTER TABLE outbox RENAME TO outbox_v1;
   DROP INDEX outbox_admitted;
   CREATE TABLE outbox (
     id TEXT PRIMARY KEY,
     subject TEXT NOT NULL,
     record TEXT NOT NULL,
     committed_at INTEGER NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL,
     last_error TEXT
   ) WITHOUT ROWID;
   INSERT INTO outbox (id, subject, record, committed_at, next_attempt_at)
     SELECT id,
       CASE json_extract(record, '$.kind') WHEN 'payment'
         THEN COALESCE(json_extract(record, '$.row.requestId'), json_extract(record, '$.row.id'))
         ELSE json_extract(record, '$.row.id') END,
       record, admitted_at, admitted_at
     FROM outbox_v1;
   DROP TABLE outbox_v1;`,
  // Security review: a confirming payment's consecutive misses (payment-recheck.ts drops it only
  // after three, a minute apart); the event log indexed by the scopes that read it (webhook-listing.ts):
  // a client's own events by client_id, a reader's by direction, each in log order; and the times of each
  // owner's webhook endpoint changes in the last hour (endpoint-change-limit.ts).
  `ALTER TABLE payments ADD COLUMN misses INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE payments ADD COLUMN last_miss_at INTEGER;
   CREATE INDEX events_client ON events (client_id, position) WHERE client_id IS NOT NULL;
   CREATE INDEX events_direction ON events (direction, position) WHERE request_id IS NOT NULL;
   CREATE TABLE webhook_endpoint_changes (
     owner TEXT NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE INDEX webhook_endpoint_changes_owner ON webhook_endpoint_changes (owner, at);`,
  // Seeds: refunds of incoming requests (refund-state.ts), in the request's minor units, one row per
  // refund; a verified one names its transaction's first Transfer log, which refunds at most once (the unique index).
  `CREATE TABLE refunds (
     id TEXT PRIMARY KEY,
     request_id TEXT NOT NULL,
     amount_minor TEXT NOT NULL,
     chain_id INTEGER,
     tx_hash TEXT,
     log_index INTEGER,
     to_address TEXT,
     note TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE UNIQUE INDEX refunds_log ON refunds (chain_id, tx_hash, log_index);
   CREATE INDEX refunds_request ON refunds (request_id);`,
  // Signed requests: a client's public signing key (JWK, with its RFC 7638 thumbprint, which the
  // admission compares with the key the Worker verified with) and whether it must sign; the evidence of each
  // signed create (signature-evidence.ts), its base sealed by the Worker, with the hash of the secret that signed.
  `ALTER TABLE clients ADD COLUMN signing_key TEXT;
   ALTER TABLE clients ADD COLUMN signing_key_thumbprint TEXT;
   ALTER TABLE clients ADD COLUMN require_signed INTEGER NOT NULL DEFAULT 0;
   CREATE TABLE request_signatures (
     request_id TEXT PRIMARY KEY,
     client_id TEXT NOT NULL,
     secret_hash TEXT NOT NULL,
     evidence TEXT NOT NULL,
     created_at INTEGER NOT NULL
   ) WITHOUT ROWID;`,
  // Orchestrator ergonomics: one event shape everywhere. An event keeps who caused it (actor) and
  // its details (a reason, a txHash), so a request's timeline is read from this log, by request, in log order;
  // events about a request are kept as long as the request (request-timeline.ts), the rest 30 days.
  `ALTER TABLE events ADD COLUMN actor TEXT;
   ALTER TABLE events ADD COLUMN details TEXT;
   CREATE INDEX events_request ON events (request_id, position) WHERE request_id IS NOT NULL;`,
  // The thin authority: each client's credential is projected to D1 (credential-projection.ts), where
  // orchestrators' reads are authorized; the version last projected orders those writes. A client made before this
  // step (0) is projected the first time it authenticates.
  `ALTER TABLE clients ADD COLUMN projected_version INTEGER NOT NULL DEFAULT 0;`,
  // Rows written per create: the purge's time index holds only the events it may purge (no request:
  // a revocation, a test), so a create's event no longer writes one; the catch-up's 30-day floor is found by a
  // binary search over positions instead (event-catch-up.ts).
  `DROP INDEX events_created;
   CREATE INDEX events_unattached_created ON events (created_at) WHERE request_id IS NULL;`,
  // Rows written per create: an event is its row and the scope indexes that read it, nothing more. No
  // AUTOINCREMENT (its sqlite_sequence write): the purge keeps the newest event, so positions never go back, and a
  // floor row keeps the highest position already given if the newest were purged before. No unique index on the
  // id: a delivery names its event's position. A reader's catch-up by direction scans positions (event-catch-up.ts)
  // instead of its own index. Request state WITHOUT ROWID: its primary key is the table.
  `ALTER TABLE webhook_deliveries ADD COLUMN event_position INTEGER;
   UPDATE webhook_deliveries SET event_position = (SELECT position FROM events WHERE events.id = webhook_deliveries.event_id);
   DROP INDEX webhook_deliveries_event;
   CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_position);
   ALTER TABLE events RENAME TO events_v1;
   DROP INDEX events_unattached_created;
   DROP INDEX events_client;
   DROP INDEX events_direction;
   DROP INDEX events_request;
   CREATE TABLE events (
     position INTEGER PRIMARY KEY,
     id TEXT NOT NULL,
     type TEXT NOT NULL,
     request_id TEXT,
     direction TEXT,
     client_id TEXT,
     object TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     actor TEXT,
     details TEXT
   );
   INSERT INTO events (position, id, type, request_id, direction, client_id, object, created_at, actor, details)
     SELECT position, id, type, request_id, direction, client_id, object, created_at, actor, details FROM events_v1;
   INSERT INTO events (position, id, type, object, created_at)
     SELECT seq, 'evt_positionfloor00', 'internal.position_floor', '{}', 0 FROM sqlite_sequence
     WHERE name = 'events_v1' AND seq > (SELECT COALESCE(MAX(position), 0) FROM events);
   DROP TABLE events_v1;
   CREATE INDEX events_unattached_created ON events (created_at) WHERE request_id IS NULL;
   CREATE INDEX events_client ON events (client_id, position) WHERE client_id IS NOT NULL;
   CREATE INDEX events_request ON events (request_id, position) WHERE request_id IS NOT NULL;
   ALTER TABLE requests RENAME TO requests_v1;
   DROP INDEX requests_expiry;
   CREATE TABLE requests (
     id TEXT PRIMARY KEY,
     direction TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
     status TEXT NOT NULL,
     creator_client_id TEXT,
     expires_at INTEGER,
     sequence INTEGER NOT NULL,
     row TEXT NOT NULL
   ) WITHOUT ROWID;
   INSERT INTO requests (id, direction, status, creator_client_id, expires_at, sequence, row)
     SELECT id, direction, status, creator_client_id, expires_at, sequence, row FROM requests_v1;
   DROP TABLE requests_v1;
   CREATE INDEX requests_expiry ON requests (expires_at)
     WHERE expires_at IS NOT NULL AND status IN ('pending', 'pending_approval', 'approved');`,
];

/** Whether this object ever ran a step: a read that writes nothing, so a stranger's probe leaves no storage. */
export function isInitialised(sql: SqlStorage): boolean {
  return sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").toArray().length > 0;
}

/** Applies the steps not yet applied; the version lives in a one-row table. */
export function migrateAuthority(sql: SqlStorage): void {
  sql.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  const row = sql.exec<{ version: number }>("SELECT version FROM schema_version").toArray()[0];
  const current = row?.version ?? 0;
  for (let v = current; v < AUTHORITY_MIGRATIONS.length; v++) sql.exec(AUTHORITY_MIGRATIONS[v]!);
  if (!row) sql.exec("INSERT INTO schema_version (version) VALUES (?)", AUTHORITY_MIGRATIONS.length);
  else if (current < AUTHORITY_MIGRATIONS.length) sql.exec("UPDATE schema_version SET version = ?", AUTHORITY_MIGRATIONS.length);
}
