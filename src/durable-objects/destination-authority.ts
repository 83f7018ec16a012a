import { DurableObject } from "cloudflare:workers";
import type { BatchItem } from "drizzle-orm/batch";
import { database } from "../db/client";
import { recordOutbox, recordTransition } from "../db/record-writer";
import type { TokenProfile } from "../chains/currency";
import type { Permission } from "../credentials/permissions";
import { resolveMoney } from "./admission-money";
import type {
  AdmissionRecord,
  AdmitInput,
  AdmitResult,
  AuthResult,
  ClientView,
  DestinationProfile,
  OutboxRecord,
  RecordPaymentInput,
  RecordPaymentResult,
  TransitionInput,
  TransitionResult,
} from "./authority-types";
import { recordPayment } from "./payment-state";
import { nextRecheck, persistNow, recheckPayments } from "./payment-recheck";
import { admitRequestState, applyTransition, dueExpiries, nextExpiry } from "./request-state";
import { isInitialised, migrateAuthority } from "./authority-storage";
import { issueClientSecret, issueSecretFor } from "../credentials/client-secret";
import { auditedChange, listAudit, pruneAudit, recordAudit, saveProfile, type AuditActor } from "./audit-log";
import { applyLimits, checkLimits, isExpired, type LimitsPlan } from "./client-limits";
import {
  changeLimits,
  clientView as view,
  insertClient,
  rotateClientSecret,
  secretMatches,
  type ClientRow,
  type LimitsPatch,
} from "./client-store";
import type { AttemptJob, AttemptOutcome } from "../webhooks/events";
import { ENQUEUE_GRACE_MS, beginAttempt, deadLetter, enqueueDue, reportAttempt, webhookHousekeeping } from "./webhook-attempts";
import { asOwner, type WebhookCaller, type WebhookResult } from "./webhook-callers";
import {
  deleteEndpoint,
  insertEndpoint,
  listEndpoints,
  retryDelivery,
  rotateSecret,
  sendTestEvent,
  type NewEndpoint,
} from "./webhook-endpoints";
import { recordAdmissionEvent, recordRevocationEvent } from "./webhook-hooks";
import { listDeliveries } from "./webhook-listing";
import { listEvents } from "./event-catch-up";
import { limitedChange } from "./endpoint-change-limit";

/** Idempotency keys are answered for 48 h (the contract's floor is 24 h). */
export const IDEMPOTENCY_TTL_MS = 48 * 60 * 60 * 1000;
/** The Worker writes D1 right after admission; the alarm only repairs what is still here after this. */
export const OUTBOX_GRACE_MS = 10_000;
const LAST_USED_RESOLUTION_MS = 60_000;
/** Rows copied per alarm run: one D1 batch, well under D1's per-invocation query limit. */
const OUTBOX_DRAIN_BATCH = 100;

/** A payment link per request at most this many times: a reader or a leaked secret cannot mint without end. */
export const MAX_LINKS_PER_REQUEST = 25;

/**
 * One per destination: the single authority on its client IDs and on which
 * creates exist. Every create is admitted here in one synchronous SQLite
 * transaction (credential, revocation, permission, currency, idempotency,
 * outbox), so the object's serial order of admissions and revocations *is* the
 * order of events: a create admitted before a revoke is valid, one after it is
 * refused and leaves nothing behind. See docs/architecture.md.
 *
 * Unauthenticated traffic leaves no storage: anyone can name any destination
 * id in a forged secret, so the object writes nothing (not even its schema)
 * until the recipient's side initialises it with the destination's profile,
 * when it creates the first client or makes the first manual request.
 */
export class DestinationAuthority extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private ready: boolean;
  /** Added to Date.now() by clock(): tests move a client's expiry and rate bucket forward through runInDurableObject, without sleeping. */
  clockSkewMs = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.ready = isInitialised(this.sql);
    if (this.ready) void ctx.blockConcurrencyWhile(async () => migrateAuthority(this.sql));
  }

  /** Only on behalf of the recipient, whose ownership the Worker checked in D1: never for a client's call. */
  private ensureSchema(): void {
    if (!this.ready) migrateAuthority(this.sql);
    this.ready = true;
  }

  /** The time limits are judged by (client expiry, create rate): the one clock a test can move. */
  private clock(): number {
    return Date.now() + this.clockSkewMs;
  }

  /**
   * Only called on behalf of the recipient, after D1 confirmed the destination is theirs and claimed.
   * The first call is when the authority learns of the claim: it enters the audit log then, with the claim's own time.
   */
  private initialise(profile: DestinationProfile): void {
    this.ensureSchema();
    this.tokenRead = undefined;
    this.ctx.storage.transactionSync(() => saveProfile(this.sql, profile));
  }

  /** The destination's token as last read: only initialise() writes it, and it forgets this. Every create reads it twice. */
  private tokenRead: TokenProfile | undefined;

  private token(): TokenProfile | undefined {
    if (this.tokenRead) return this.tokenRead;
    const row = this.sql.exec<{ token: string }>("SELECT token FROM destination LIMIT 1").toArray()[0];
    this.tokenRead = row ? Object.freeze(JSON.parse(row.token) as TokenProfile) : undefined;
    return this.tokenRead;
  }

  private clientRow(id: string): ClientRow | undefined {
    if (!this.ready) return undefined;
    return this.sql.exec<ClientRow>("SELECT * FROM clients WHERE id = ?", id).toArray()[0];
  }

  /** Creates a client ID, with its limits if given; the secret is in the answer and nowhere else, ever. */
  async createClient(
    profile: DestinationProfile,
    name: string,
    permissions: Permission[],
    limits: LimitsPatch = {},
    actor: AuditActor = { type: "user" },
  ): Promise<ClientView & { secret: string }> {
    const issued = await issueClientSecret(profile.id);
    this.initialise(profile);
    this.ctx.storage.transactionSync(() => insertClient(this.sql, { ...issued, name, permissions, limits }, actor, Date.now()));
    return { ...view(this.clientRow(issued.clientId)!), secret: issued.secret };
  }

  /** PATCH limits (client-store.ts's changeLimits); null when there is no such client. */
  updateClientLimits(clientId: string, patch: LimitsPatch, actor: AuditActor) {
    const row = this.clientRow(clientId);
    if (!row) return null;
    const result = this.ctx.storage.transactionSync(() => changeLimits(this.sql, row, patch, actor, this.clock()));
    return result.ok ? { ok: true as const, client: view(result.row) } : result;
  }

  /** A new secret for the same client id; the old one works for `overlapSeconds` more. Null when there is no such client. */
  async rotateClientSecret(destinationId: string, clientId: string, overlapSeconds: number, actor: AuditActor) {
    const row = this.clientRow(clientId);
    if (!row) return null;
    if (row.status === "revoked") return { ok: false as const, detail: "This client ID is revoked; revocation is permanent." };
    const issued = await issueSecretFor(destinationId, clientId);
    const now = this.clock();
    const after = this.ctx.storage.transactionSync(() =>
      rotateClientSecret(this.sql, this.clientRow(clientId)!, issued, overlapSeconds * 1000, actor, now),
    );
    return {
      ok: true as const,
      client: { ...view(after), secret: issued.secret, previousSecretExpiresAt: new Date(after.previous_secret_until!).toISOString() },
    };
  }

  /** The destination's audit log, newest first; null for a cursor this API did not issue. */
  listAudit(cursor: string | null) {
    if (!this.ready) return cursor === null ? { data: [], nextCursor: null } : null;
    return listAudit(this.sql, cursor);
  }

  listClients(): ClientView[] {
    if (!this.ready) return [];
    return this.sql.exec<ClientRow>("SELECT * FROM clients ORDER BY created_at DESC, id DESC").toArray().map(view);
  }

  /** Permanent and idempotent: a second revoke keeps the first revocation time. */
  async revokeClient(clientId: string, actor: AuditActor = { type: "user" }): Promise<ClientView | null> {
    if (!this.ready) return null;
    const now = Date.now();
    const row = this.ctx.storage.transactionSync(() => {
      const { rowsWritten } = this.sql.exec(
        "UPDATE clients SET status = 'revoked', revoked_at = ? WHERE id = ? AND status = 'active'",
        now,
        clientId,
      );
      const after = this.clientRow(clientId);
      if (after && rowsWritten > 0) {
        recordRevocationEvent(this.sql, view(after), now);
        recordAudit(this.sql, { at: now, actor, action: "client.revoked", target: { type: "client", id: clientId } });
      }
      return after;
    });
    await this.dispatchWebhooks();
    return row ? view(row) : null;
  }

  /**
   * Verifies a client's secret and says what it may read *now*: its status is
   * read in this call, so a reader right ends with the revoke that answered
   * before it. Revoked clients still authenticate, to read their own requests.
   */
  authenticate(clientId: string, secretHash: string): AuthResult {
    const row = this.clientRow(clientId);
    if (!row || !secretMatches(row, secretHash, this.clock())) return { ok: false };
    this.touch(row, Date.now());
    const { id, name, permissions, status } = view(row);
    const rotatedOut = row.secret_hash !== secretHash ? row.previous_secret_until : null;
    return { ok: true, client: { id, name, permissions, status, expired: isExpired(row, this.clock()) }, validUntil: rotatedOut };
  }

  private touch(row: ClientRow, now: number): void {
    if (row.last_used_at === null || now - row.last_used_at >= LAST_USED_RESOLUTION_MS) {
      this.sql.exec("UPDATE clients SET last_used_at = ? WHERE id = ?", now, row.id);
    }
  }

  /**
   * The linearization point of every create. Synchronous from the first read
   * to the last write (no await inside), so no revoke can interleave with it.
   */
  async admit(input: AdmitInput): Promise<AdmitResult> {
    const now = Date.now();
    const clock = this.clock();
    if (input.actor.type === "manual" && input.profile) this.initialise(input.profile);
    if (!this.ready) return { outcome: "unauthenticated" };
    let deliveries = 0;
    const result = this.ctx.storage.transactionSync((): AdmitResult => {
      let record: AdmissionRecord = input.record;
      let scope: string;
      let client: ClientRow | undefined;
      if (input.actor.type === "client") {
        const row = this.clientRow(input.actor.clientId);
        if (!row || !secretMatches(row, input.actor.secretHash, clock)) return { outcome: "unauthenticated" };
        if (row.status === "revoked") return { outcome: "client_revoked" };
        if (isExpired(row, clock)) return { outcome: "client_expired" };
        client = row;
        if (!(JSON.parse(row.permissions) as Permission[]).includes(input.permission)) return { outcome: "permission_denied" };
        this.touch(row, now);
        scope = `client:${row.id}`;
        if (record.kind === "request") record = { kind: "request", row: { ...record.row, createdByClientName: row.name } };
      } else {
        scope = `user:${input.actor.userId}`;
      }
      if (input.idempotencyKey !== null) {
        const prior = this.sql
          .exec<{ fingerprint: string; record: string; reply: string | null }>(
            "SELECT fingerprint, record, reply FROM idempotency_keys WHERE scope = ? AND key = ? AND expires_at > ?",
            scope,
            input.idempotencyKey,
            now,
          )
          .toArray()[0];
        if (prior) {
          if (prior.fingerprint !== input.fingerprint) return { outcome: "idempotency_conflict" };
          return {
            outcome: "replayed",
            record: JSON.parse(prior.record) as AdmissionRecord,
            reply: prior.reply ? JSON.parse(prior.reply) : null,
          };
        }
      }
      if (input.blockedBy !== undefined) return { outcome: "blocked", detail: input.blockedBy };
      if (record.kind === "request" && input.money) {
        const token = this.token();
        if (!token) return { outcome: "unauthenticated" };
        const resolved = resolveMoney(record.row, input.money, token);
        if (!("row" in resolved)) return resolved;
        record = { kind: "request", row: resolved.row };
      }
      let plan: LimitsPlan | null = null;
      if (client) {
        const token = this.token();
        if (!token) return { outcome: "unauthenticated" };
        const checked = checkLimits(this.sql, client, record, token, clock);
        if ("outcome" in checked) return checked;
        plan = checked;
      }
      if (record.kind === "link") {
        const made =
          this.sql.exec<{ n: number }>("SELECT n FROM link_counts WHERE request_id = ?", record.row.requestId).toArray()[0]?.n ?? 0;
        if (made >= MAX_LINKS_PER_REQUEST) return { outcome: "link_limit" };
        this.sql.exec(
          "INSERT INTO link_counts (request_id, n) VALUES (?, 1) ON CONFLICT (request_id) DO UPDATE SET n = n + 1",
          record.row.requestId,
        );
      }
      this.sql.exec("INSERT INTO outbox (id, record, admitted_at) VALUES (?, ?, ?)", record.row.id, JSON.stringify(record), now);
      if (record.kind === "request") admitRequestState(this.sql, record.row);
      deliveries = recordAdmissionEvent(this.sql, record, input.requestCreatorClientId, now);
      // Limits write last, after the request exists: its reservation is keyed by it, and auto-approval moves it.
      const limited = plan ? applyLimits(this.sql, plan, record, clock, now) : { record, transitions: [] };
      record = limited.record;
      if (input.idempotencyKey !== null) {
        this.sql.exec(
          "INSERT OR REPLACE INTO idempotency_keys (scope, key, fingerprint, record, reply, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
          scope,
          input.idempotencyKey,
          input.fingerprint,
          JSON.stringify(record),
          input.reply ? JSON.stringify(input.reply) : null,
          now + IDEMPOTENCY_TTL_MS,
        );
      }
      return { outcome: "admitted", record, reply: input.reply ?? null, transitions: limited.transitions };
    });
    if (result.outcome === "admitted") {
      await this.scheduleAlarm(now + OUTBOX_GRACE_MS);
      if (result.record.kind === "request" && result.record.row.expiresAt !== null) await this.scheduleAlarm(result.record.row.expiresAt);
      // Only this admission's deliveries need sending now (its event's, an auto-approval's); older ones are the alarm's.
      if (deliveries > 0 || (result.transitions?.length ?? 0) > 0) await this.dispatchWebhooks();
    }
    return result;
  }

  /**
   * The one way a request's status changes (see request-state.ts): atomic in
   * one transactionSync with its event and outbox record. The caller writes
   * `records` to D1 (recordTransition) right after; the alarm repairs.
   */
  async transition(input: TransitionInput): Promise<TransitionResult> {
    if (!this.ready) return { outcome: input.actor.type === "client" ? "unauthenticated" : "not_found", records: [] };
    const now = Date.now();
    const checkSecret = (clientId: string, secretHash: string) => {
      const row = this.clientRow(clientId);
      return row !== undefined && secretMatches(row, secretHash, this.clock());
    };
    const result = this.ctx.storage.transactionSync(() => applyTransition(this.sql, input, checkSecret, now));
    if (result.records.length > 0) {
      await this.scheduleAlarm(now + OUTBOX_GRACE_MS);
      await this.dispatchWebhooks();
    }
    return result;
  }

  /**
   * Records a payment the Worker verified (payment-state.ts): one transactionSync
   * claims the log, sums, moves the status and writes event and outbox. The
   * caller writes `records` to D1 right after; confirming ones are re-checked by the alarm.
   */
  async recordPayment(input: RecordPaymentInput): Promise<RecordPaymentResult> {
    if (!this.ready) return { outcome: input.actor.type === "client" ? "unauthenticated" : "not_found", records: [] };
    const now = Date.now();
    const checkSecret = (clientId: string, secretHash: string) => {
      const row = this.clientRow(clientId);
      return row !== undefined && secretMatches(row, secretHash, this.clock());
    };
    const result = this.ctx.storage.transactionSync(() => recordPayment(this.sql, input, checkSecret, now));
    if (result.records.length > 0) {
      await this.scheduleAlarm(Math.min(now + OUTBOX_GRACE_MS, nextRecheck(this.sql) ?? Infinity));
      await this.dispatchWebhooks();
    }
    return result;
  }

  /** The alarm's re-check of confirming payments (payment-recheck.ts); `now` lets a test look ahead. */
  async recheckPayments(now = Date.now()): Promise<void> {
    if (!this.ready) return;
    const destinationId = this.sql.exec<{ id: string }>("SELECT id FROM destination LIMIT 1").toArray()[0]?.id;
    if (destinationId === undefined) return;
    const records = await recheckPayments(this.ctx.storage, this.env, destinationId, now);
    if (records.length > 0) await this.dispatchWebhooks();
    await persistNow(database(this.env.DB), this.sql, records);
  }

  /**
   * Expires what is due, one transaction each, then writes them to D1 at once
   * (no Worker will); what D1 refuses stays in the outbox for the drain.
   */
  private async expireDue(now: number): Promise<void> {
    const records = dueExpiries(this.sql, now, OUTBOX_DRAIN_BATCH).flatMap(
      (requestId) =>
        this.ctx.storage.transactionSync(() =>
          applyTransition(this.sql, { requestId, action: "expire", actor: { type: "system" } }, () => false, now),
        ).records,
    );
    if (records.length === 0) return;
    await this.dispatchWebhooks(); // fresh events: the alarm's own dispatch would leave them for the grace period
    const db = database(this.env.DB);
    const [first, ...rest] = records.flatMap((r) => recordTransition(db, r));
    try {
      await db.batch([first!, ...rest]);
      this.sql.exec(`DELETE FROM outbox WHERE id IN (${records.map(() => "?").join(",")})`, ...records.map((r) => r.event.id));
    } catch (err) {
      console.error("expiry write to D1 failed; the outbox drain repeats it", err instanceof Error ? err.message : err);
    }
  }

  private async scheduleAlarm(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  /**
   * Repairs creates that were admitted but may not have reached D1 (the Worker
   * died, D1 failed), then forgets expired idempotency keys.
   */
  override async alarm(): Promise<void> {
    if (!this.ready) return;
    const now = Date.now();
    await this.expireDue(now);
    await this.recheckPayments(now);
    const webhooksNext = await this.webhookAlarm(now);
    const due = this.sql
      .exec<{ id: string; record: string }>(
        "SELECT id, record FROM outbox WHERE admitted_at <= ? ORDER BY admitted_at LIMIT ?",
        now - OUTBOX_GRACE_MS,
        OUTBOX_DRAIN_BATCH,
      )
      .toArray();
    if (due.length > 0) {
      const db = database(this.env.DB);
      const [first, ...rest] = due.flatMap((r): BatchItem<"sqlite">[] => {
        const record = JSON.parse(r.record) as OutboxRecord;
        return recordOutbox(db, record);
      });
      try {
        await db.batch([first!, ...rest]);
      } catch (err) {
        // D1 is down: keep the outbox and try again later rather than burn the platform's alarm retries.
        console.error("outbox drain failed", err instanceof Error ? err.message : err);
        await this.ctx.storage.setAlarm(now + 30_000);
        return;
      }
      this.sql.exec(`DELETE FROM outbox WHERE id IN (${due.map(() => "?").join(",")})`, ...due.map((r) => r.id));
    }
    this.sql.exec("DELETE FROM idempotency_keys WHERE expires_at <= ?", now);
    const next = this.sql
      .exec<{ at: number | null }>(
        `SELECT MIN(at) AS at FROM (SELECT MIN(admitted_at) + ${OUTBOX_GRACE_MS} AS at FROM outbox UNION ALL SELECT MIN(expires_at) FROM idempotency_keys)`,
      )
      .one().at;
    // A full batch means more rows are due: come back at once, or a destination creating more
    // than one batch a second grows its outbox without bound.
    const wake = [next, webhooksNext, nextExpiry(this.sql), nextRecheck(this.sql)].reduce<number | null>(
      (a, b) => (a === null ? b : b === null ? a : Math.min(a, b)),
      null,
    );
    if (wake !== null) await this.ctx.storage.setAlarm(Math.max(wake, due.length === OUTBOX_DRAIN_BATCH ? now : now + 1000));
  }

  /** Test and operations view: how many admitted creates are not yet confirmed in D1 by the alarm. */
  outboxSize(): number {
    if (!this.ready) return 0;
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox").one().n;
  }

  // Webhooks (issue 9): thin RPC over webhook-*.ts, which hold the logic and the reasoning.

  /** Sends recorded deliveries to the queue; the alarm retries what this could not send. Call after recordEvent's transaction. */
  async dispatchWebhooks(minAgeMs = 0): Promise<void> {
    if (!this.ready) return;
    const waiting = this.sql
      .exec<{ n: number }>("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status = 'pending' AND enqueued = 0")
      .one().n;
    if (waiting === 0) return;
    await this.scheduleAlarm(Date.now() + ENQUEUE_GRACE_MS);
    try {
      await enqueueDue(this.sql, this.env.WEBHOOK_DELIVERIES, Date.now(), minAgeMs);
    } catch (err) {
      console.error("webhook enqueue failed; the alarm retries", err instanceof Error ? err.message : err);
    }
  }

  private async webhookAlarm(now: number): Promise<number | null> {
    await this.dispatchWebhooks(ENQUEUE_GRACE_MS);
    pruneAudit(this.sql, now);
    return webhookHousekeeping(this.sql, now);
  }

  /** asOwner, on an object that may hold nothing yet: a recipient's call sets up the schema, a client's cannot be one of ours. */
  private asOwner<T extends object>(caller: WebhookCaller, changes: boolean, fn: Parameters<typeof asOwner<T>>[3]): WebhookResult<T> {
    if (!this.ready) {
      if (caller.type !== "recipient") return { ok: false, error: "unauthenticated" };
      this.ensureSchema();
    }
    return asOwner(this.sql, caller, changes, fn, this.clock());
  }

  createWebhookEndpoint(caller: WebhookCaller, e: NewEndpoint) {
    return auditedChange(
      this.ctx.storage,
      caller,
      "webhook_endpoint.created",
      (v) => v.id,
      () => this.asOwner(caller, true, (o) => limitedChange(this.sql, o, this.clock(), () => insertEndpoint(this.sql, o, e, Date.now()))),
    );
  }

  listWebhookEndpoints(caller: WebhookCaller) {
    return this.asOwner(caller, false, (o) => listEndpoints(this.sql, o));
  }

  deleteWebhookEndpoint(caller: WebhookCaller, endpointId: string) {
    return auditedChange(
      this.ctx.storage,
      caller,
      "webhook_endpoint.deleted",
      () => endpointId,
      () => this.asOwner(caller, false, (o) => limitedChange(this.sql, o, this.clock(), () => deleteEndpoint(this.sql, o, endpointId))),
    );
  }

  rotateWebhookSecret(caller: WebhookCaller, endpointId: string, sealedSecret: string) {
    return auditedChange(
      this.ctx.storage,
      caller,
      "webhook_endpoint.secret_rotated",
      () => endpointId,
      () =>
        this.asOwner(caller, false, (o) =>
          limitedChange(this.sql, o, this.clock(), () => rotateSecret(this.sql, o, endpointId, sealedSecret, Date.now())),
        ),
    );
  }

  async sendWebhookTest(caller: WebhookCaller, endpointId: string) {
    const result = this.asOwner(caller, false, (o) => sendTestEvent(this.sql, o, endpointId, Date.now()));
    await this.dispatchWebhooks();
    return result;
  }

  listWebhookDeliveries(caller: WebhookCaller, endpointId: string, cursor: string | null) {
    return this.asOwner(caller, false, (o) => listDeliveries(this.sql, o, endpointId, cursor));
  }

  async retryWebhookDelivery(caller: WebhookCaller, endpointId: string, deliveryId: string) {
    const result = this.asOwner(caller, false, (o) => retryDelivery(this.sql, o, endpointId, deliveryId, Date.now()));
    await this.dispatchWebhooks();
    return result;
  }

  listWebhookEvents(caller: WebhookCaller, cursor: string | null, type: string | null) {
    return this.asOwner(caller, false, (o) => listEvents(this.sql, o, cursor, type, this.clock()));
  }

  webhookBeginAttempt(deliveryId: string): AttemptJob {
    return beginAttempt(this.sql, deliveryId, Date.now());
  }

  async webhookReportAttempt(deliveryId: string, attempt: number, outcome: AttemptOutcome): Promise<void> {
    if (reportAttempt(this.sql, deliveryId, attempt, outcome, Date.now())) await this.dispatchWebhooks();
  }

  webhookDeadLettered(deliveryId: string): void {
    deadLetter(this.sql, deliveryId, Date.now());
  }
}
