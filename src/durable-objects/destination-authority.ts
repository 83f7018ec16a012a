import { DurableObject } from "cloudflare:workers";
import type { TokenProfile } from "../chains/currency";
import { issueClientSecret, issueSecretFor } from "../credentials/client-secret";
import type { Permission } from "../credentials/permissions";
import { database } from "../db/client";
import { writeRecords } from "../db/record-writer";
import { admitInTransaction } from "./admission";
import {
  auditedChange,
  listAudit,
  pruneAudit,
  recordAudit,
  saveProfile,
  type AuditActor,
  type AuditActorFilter,
  type AuditEntry,
} from "./audit-log";
import { isInitialised, migrateAuthority } from "./authority-storage";
import type { AdmitInput, AdmitResult, AuthResult, ClientView, DestinationProfile } from "./authority-types";
import type { RecordPaymentInput, RecordPaymentResult, TransitionInput, TransitionResult } from "./authority-types";
import type { RecordRefundInput, RecordRefundResult } from "./authority-types";
import { recordRefund } from "./refund-state";
import { changeLimits, clientRow, clientView, insertClient, rotateClientSecret, secretMatches } from "./client-store";
import type { ClientRow, LimitsChange, LimitsPatch } from "./client-store";
import { changeSigning, readSignature, type SigningPatch, type StoredSignature } from "./signature-evidence";
import { authenticateClient, listClients, revokeClient } from "./clients";
import { forgetLapsedKeys } from "./idempotency-keys";
import { outboxOf, type Outbox, type OutboxHealth, type PendingRecord } from "./outbox";
import { nextRecheck, recheckPayments } from "./payment-recheck";
import { recordPayment } from "./payment-state";
import { declarePayer, type DeclarePayerInput, type DeclarePayerResult } from "./payer-declaration";
import { applyTransition, dueExpiries, nextExpiry } from "./request-state";
import type { AttemptJob, AttemptOutcome } from "../webhooks/events";
import {
  ENQUEUE_GRACE_MS,
  beginAttempt,
  deadLetter,
  enqueueDue,
  nextEventPurge,
  reportAttempt,
  webhookHousekeeping,
} from "./webhook-attempts";
import { asOwner, type WebhookCaller, type WebhookResult } from "./webhook-callers";
import { deleteEndpoint, insertEndpoint, listEndpoints, retryDelivery, rotateSecret, sendTestEvent } from "./webhook-endpoints";
import type { NewEndpoint } from "./webhook-endpoints";
import { listDeliveries } from "./webhook-listing";
import { listEvents, requestTimeline } from "./event-catch-up";
import { limitedChange } from "./endpoint-change-limit";

export { IDEMPOTENCY_TTL_MS } from "./idempotency-keys";
export { MAX_LINKS_PER_REQUEST } from "./admission";

/** Records written, and expiries applied, per alarm run: one D1 batch, well under D1's per-invocation query limit. */
const BATCH = 100;
/** Purges (lapsed keys, old events) are not urgent: the alarm comes for them at most this often. */
const HOUSEKEEPING_MS = 3_600_000;

const earliest = (times: (number | null)[]) =>
  times.reduce<number | null>((a, b) => (a === null ? b : b === null ? a : Math.min(a, b)), null);

/**
 * One per destination: the single authority on its client IDs, on which creates
 * exist, and on every request's state. An RPC shell over capabilities that each
 * own their tables (clients and credentials, admission and limits, request state,
 * payments, webhooks, audit, the outbox): every change is decided in one
 * synchronous transaction, so the object's serial order *is* the order of events,
 * and then written through to D1 by the record pipeline (commit). See
 * docs/architecture.md.
 *
 * Unauthenticated traffic leaves no storage: the object writes nothing (not even
 * its schema) until the recipient's side initialises it with the destination's
 * profile, when it creates the first client or makes the first manual request.
 */
export class DestinationAuthority extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly outbox: Outbox;
  private ready: boolean;
  /** Added to Date.now() by now(): tests move the object's one clock forward through runInDurableObject. */
  private skewMs = 0;
  /** The destination's token as last read: only initialise() writes it, and it forgets this. */
  private tokenRead: TokenProfile | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.outbox = outboxOf(this.sql);
    this.ready = isInitialised(this.sql);
    if (this.ready)
      void ctx.blockConcurrencyWhile(async () => {
        migrateAuthority(this.sql);
        // A restart (a deploy, an eviction) may have cut a write-through short: the alarm finishes it.
        const wake = this.outbox.nextWake();
        if (wake !== null) await this.scheduleAlarm(wake);
      });
  }

  private now(): number {
    return Date.now() + this.skewMs;
  }

  /** On behalf of the recipient only, after D1 confirmed the destination is theirs and claimed. */
  private initialise(profile: DestinationProfile): void {
    if (!this.ready) migrateAuthority(this.sql);
    this.ready = true;
    this.tokenRead = undefined;
    this.ctx.storage.transactionSync(() => saveProfile(this.sql, profile));
  }

  private token(): TokenProfile | undefined {
    if (this.tokenRead) return this.tokenRead;
    const row = this.sql.exec<{ token: string }>("SELECT token FROM destination LIMIT 1").toArray()[0];
    this.tokenRead = row ? Object.freeze(JSON.parse(row.token) as TokenProfile) : undefined;
    return this.tokenRead;
  }

  private secretCheck(now: number) {
    return (clientId: string, secretHash: string) => {
      const row = clientRow(this.sql, clientId);
      return row !== undefined && secretMatches(row, secretHash, now);
    };
  }

  // Clients and credentials (client-store.ts, clients.ts).

  /** Creates a client ID, with its limits if given; the secret is in the answer and nowhere else, ever. */
  async createClient(
    profile: DestinationProfile,
    name: string,
    permissions: Permission[],
    limits: LimitsPatch = {},
    actor: AuditActor,
    signing: SigningPatch = {},
  ) {
    const issued = await issueClientSecret(profile.id);
    this.initialise(profile);
    this.ctx.storage.transactionSync(() => {
      const now = this.now();
      insertClient(this.sql, { ...issued, name, permissions, limits }, actor, now);
      // The Worker's schema already refused requireSignedRequests without a key, so this cannot fail.
      if (signing.key || signing.required) changeSigning(this.sql, clientRow(this.sql, issued.clientId)!, signing, actor, now);
    });
    return { ...clientView(clientRow(this.sql, issued.clientId)!), secret: issued.secret };
  }

  /**
   * PATCH: limits (client-store.ts's changeLimits) and signing (signature-evidence.ts's changeSigning), all or
   * nothing in one transaction; null when there is no such client.
   */
  updateClient(clientId: string, limits: LimitsPatch | undefined, signing: SigningPatch | undefined, actor: AuditActor) {
    const row = this.ready ? clientRow(this.sql, clientId) : undefined;
    if (!row) return null;
    type Refused = Exclude<LimitsChange, { ok: true }>;
    let refused: Refused | null = null;
    const rollback = new Error("rollback");
    let done: ClientRow | null = null;
    try {
      done = this.ctx.storage.transactionSync(() => {
        const now = this.now();
        let after = row;
        if (limits !== undefined) {
          const changed = changeLimits(this.sql, after, limits, actor, now);
          if (!changed.ok) return ((refused = changed), null);
          after = changed.row;
        }
        if (signing !== undefined) {
          if (after.status === "revoked") return ((refused = { ok: false, error: "conflict", detail: "This client ID is revoked." }), null);
          const changed = changeSigning(this.sql, after, signing, actor, now);
          if (!changed.ok) {
            refused = { ok: false, error: "invalid", detail: changed.message, errors: [{ path: changed.path, message: changed.message }] };
            throw rollback; // undoes a limits change made above: all or nothing
          }
          after = changed.row;
        }
        return after;
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
    return done ? { ok: true as const, client: clientView(done) } : refused!;
  }

  /** A new secret for the same client id; the old one works for `overlapSeconds` more. Null when there is no such client. */
  async rotateClientSecret(destinationId: string, clientId: string, overlapSeconds: number, actor: AuditActor) {
    const row = this.ready ? clientRow(this.sql, clientId) : undefined;
    if (!row) return null;
    if (row.status === "revoked") return { ok: false as const, detail: "This client ID is revoked; revocation is permanent." };
    const issued = await issueSecretFor(destinationId, clientId);
    const now = this.now();
    const after = this.ctx.storage.transactionSync(() =>
      rotateClientSecret(this.sql, clientRow(this.sql, clientId)!, issued, overlapSeconds * 1000, actor, now),
    );
    const previousSecretExpiresAt = new Date(after.previous_secret_until!).toISOString();
    return { ok: true as const, client: { ...clientView(after), secret: issued.secret, previousSecretExpiresAt } };
  }

  listClients(): ClientView[] {
    return this.ready ? listClients(this.sql) : [];
  }

  /** Permanent and idempotent: a second revoke keeps the first revocation time. */
  async revokeClient(clientId: string, actor: AuditActor): Promise<ClientView | null> {
    if (!this.ready) return null;
    const now = this.now();
    const client = this.ctx.storage.transactionSync(() => revokeClient(this.sql, clientId, actor, now));
    await this.afterEvents(now);
    return client;
  }

  authenticate(clientId: string, secretHash: string): AuthResult {
    return this.ready ? authenticateClient(this.sql, clientId, secretHash, this.now()) : { ok: false };
  }

  /** A request's signature evidence (signature-evidence.ts); null when this destination has no such request. */
  requestSignature(requestId: string): StoredSignature | null {
    return this.ready ? readSignature(this.sql, requestId, this.now()) : null;
  }

  /**
   * A member change the Worker has just made in D1 (services/members.ts: membership lives there, read by every
   * dashboard route's one ownership query), entered in the audit log. Only for a claimed destination's profile.
   */
  recordMemberChange(profile: DestinationProfile, entry: Omit<AuditEntry, "at">): void {
    this.initialise(profile);
    this.ctx.storage.transactionSync(() => recordAudit(this.sql, { ...entry, at: this.now() }));
  }

  /** The destination's audit log, newest first; null for a cursor this API did not issue. */
  listAudit(cursor: string | null, actor: AuditActorFilter | null = null) {
    if (!this.ready) return cursor === null ? { data: [], nextCursor: null } : null;
    return listAudit(this.sql, cursor, actor);
  }

  // Creates, transitions and payments: decided in one transaction, then written through (commit).

  /** Every create (admission.ts): a refusal leaves nothing; an admission is in D1 before a `stored: true` answer. */
  async admit(input: AdmitInput): Promise<AdmitResult> {
    const now = this.now();
    if (input.actor.type === "manual" && input.profile) this.initialise(input.profile);
    if (!this.ready) return { outcome: "unauthenticated" };
    const host = { sql: this.sql, outbox: this.outbox, token: () => this.token() };
    const { value, stored } = await this.commit(null, () => admitInTransaction(host, input, now));
    const { result, deliveries } = value;
    // A replay's first answer may have been a 503: what it committed reaches D1 before this one answers.
    if (result.outcome === "replayed") return { ...result, stored: await this.writeThrough(this.outbox.pendingFor(result.record.row.id)) };
    if (result.outcome !== "admitted") return result;
    if (result.record.kind === "request" && result.record.row.expiresAt !== null) await this.scheduleAlarm(result.record.row.expiresAt);
    if (deliveries > 0 || (result.transitions?.length ?? 0) > 0) await this.afterEvents(now);
    else await this.armHousekeeping(now);
    return { ...result, stored };
  }

  /** The one way a request's status changes by action (request-state.ts). */
  async transition(input: TransitionInput): Promise<TransitionResult> {
    if (!this.ready) return { outcome: input.actor.type === "client" ? "unauthenticated" : "not_found", records: [] };
    const now = this.now();
    const { value, stored } = await this.commit(input.requestId, () => applyTransition(this.sql, input, this.secretCheck(now), now));
    if (value.records.length > 0) await this.afterEvents(now);
    return { ...value, stored };
  }

  /** Records a payment the Worker verified over RPC first (payment-state.ts); confirming ones are re-checked by the alarm. */
  async recordPayment(input: RecordPaymentInput): Promise<RecordPaymentResult> {
    if (!this.ready) return { outcome: input.actor.type === "client" ? "unauthenticated" : "not_found", records: [] };
    const now = this.now();
    const { value, stored } = await this.commit(input.requestId, () => recordPayment(this.sql, input, this.secretCheck(now), now));
    if (value.records.length > 0) {
      const recheck = nextRecheck(this.sql);
      if (recheck !== null) await this.scheduleAlarm(recheck);
      await this.afterEvents(now);
    }
    return { ...value, stored };
  }

  /** A refund the recipient records (refund-state.ts); a verified one was checked over RPC by the Worker first. */
  async recordRefund(input: RecordRefundInput): Promise<RecordRefundResult> {
    if (!this.ready) return { outcome: "not_found", records: [] };
    const now = this.now();
    const { value, stored } = await this.commit(input.requestId, () => recordRefund(this.sql, input, now));
    if (value.records.length > 0) await this.afterEvents(now);
    return { ...value, stored };
  }

  /** A payer's wallet, declared once on the pay page (payer-declaration.ts); written through like every change. */
  async declarePayer(input: DeclarePayerInput): Promise<DeclarePayerResult & { stored: boolean }> {
    if (!this.ready) return { outcome: "not_found", stored: true };
    const now = this.now();
    const { value, stored } = await this.commit(input.requestId, () => declarePayer(this.sql, input, now));
    return { ...value, stored };
  }

  /** The recipient's view of the record pipeline: what has not reached D1 yet, and what keeps failing. */
  health(): OutboxHealth {
    return this.ready ? this.outbox.health() : { pendingWrites: 0, oldestPendingAt: null, failedWrites: 0 };
  }

  /**
   * The record pipeline (docs/architecture.md): `fn` decides in one transactionSync and puts its records in
   * the outbox; then they are written through to D1, with anything still unwritten about `subject` (an earlier
   * 503 left it), so a 2xx is always read back from D1. `stored` is false when D1 refused any of them: they wait
   * in the outbox on their own backoff, and the caller answers 503.
   */
  private async commit<T>(subject: string | null, fn: () => T): Promise<{ value: T; stored: boolean }> {
    let value: T;
    try {
      value = this.ctx.storage.transactionSync(fn);
    } catch (err) {
      this.outbox.takeFresh(); // rolled back with the transaction
      throw err;
    }
    const fresh = this.outbox.takeFresh();
    const earlier = subject === null ? [] : this.outbox.pendingFor(subject).filter((p) => !fresh.some((f) => f.id === p.id));
    return { value, stored: await this.writeThrough([...earlier, ...fresh]) };
  }

  /** Writes records to D1 and settles them in the outbox; true when D1 has them all. The alarm is armed only for a failure. */
  private async writeThrough(pending: PendingRecord[]): Promise<boolean> {
    if (pending.length === 0) return true;
    const retryAt = this.outbox.settle(await writeRecords(database(this.env.DB), pending), this.now());
    if (retryAt !== null) await this.scheduleAlarm(retryAt);
    return retryAt === null;
  }

  private async scheduleAlarm(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  /** Purges need an alarm some time: set one only if none is set (getAlarm is answered from memory). */
  private async armHousekeeping(now: number): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(now + HOUSEKEEPING_MS);
  }

  /** After a transaction that recorded events: their deliveries go to the queue now; the alarm retries what could not. */
  private async afterEvents(now: number, minAgeMs = 0): Promise<void> {
    const waiting = this.sql
      .exec<{ n: number }>("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status = 'pending' AND enqueued = 0")
      .one().n;
    if (waiting === 0) return this.armHousekeeping(now);
    await this.scheduleAlarm(now + ENQUEUE_GRACE_MS);
    try {
      await enqueueDue(this.sql, this.env.WEBHOOK_DELIVERIES, now, minAgeMs);
    } catch (err) {
      console.error("webhook enqueue failed; the alarm retries", err instanceof Error ? err.message : err);
    }
  }

  override async alarm(): Promise<void> {
    await this.wake(this.now());
  }

  /** The alarm's work as of `now`, one step per capability; then it asks each for its next wake time. */
  private async wake(now: number): Promise<void> {
    if (!this.ready) return;
    const expired = dueExpiries(this.sql, now, BATCH).map((requestId) =>
      this.ctx.storage.transactionSync(() =>
        applyTransition(this.sql, { requestId, action: "expire", actor: { type: "system" } }, () => false, now),
      ),
    );
    const destinationId = this.sql.exec<{ id: string }>("SELECT id FROM destination LIMIT 1").toArray()[0]?.id;
    const rechecked = destinationId === undefined ? [] : await recheckPayments(this.ctx.storage, this.sql, this.env, destinationId, now);
    await this.writeThrough(this.outbox.takeFresh());
    // Fresh events (expiries, re-checks) go out now; older unsent ones only after the request path's own grace.
    await this.afterEvents(now, expired.length + rechecked.length > 0 ? 0 : ENQUEUE_GRACE_MS);
    const due = this.outbox.due(now, BATCH);
    await this.writeThrough(due);
    pruneAudit(this.sql, now);
    const webhooksNext = webhookHousekeeping(this.sql, now);
    const purgeNext = earliest([forgetLapsedKeys(this.sql, now), nextEventPurge(this.sql)]);
    const wake = earliest([
      this.outbox.nextWake(),
      nextExpiry(this.sql),
      nextRecheck(this.sql),
      webhooksNext,
      purgeNext === null ? null : Math.max(purgeNext, now + HOUSEKEEPING_MS),
    ]);
    // A full batch means more may be due: come back at once rather than a second later.
    const full = due.length === BATCH || expired.length === BATCH;
    if (wake !== null) await this.ctx.storage.setAlarm(Math.max(wake, full ? now : now + 1000));
  }

  // Webhooks: thin RPC over webhook-*.ts, which hold the logic and the reasoning.

  /** asOwner, on an object that may hold nothing yet: a recipient's call sets up the schema, a client's cannot be one of ours. */
  private asOwner<T extends object>(caller: WebhookCaller, changes: boolean, fn: Parameters<typeof asOwner<T>>[3]): WebhookResult<T> {
    if (!this.ready) {
      if (caller.type !== "recipient") return { ok: false, error: "unauthenticated" };
      migrateAuthority(this.sql);
      this.ready = true;
    }
    return asOwner(this.sql, caller, changes, fn, this.now());
  }

  createWebhookEndpoint(caller: WebhookCaller, e: NewEndpoint) {
    const run = () =>
      this.asOwner(caller, true, (o) => limitedChange(this.sql, o, this.now(), () => insertEndpoint(this.sql, o, e, this.now())));
    return auditedChange(this.ctx.storage, caller, "webhook_endpoint.created", (v) => v.id, run);
  }

  listWebhookEndpoints(caller: WebhookCaller) {
    return this.asOwner(caller, false, (o) => listEndpoints(this.sql, o));
  }

  deleteWebhookEndpoint(caller: WebhookCaller, endpointId: string) {
    const run = () =>
      this.asOwner(caller, false, (o) => limitedChange(this.sql, o, this.now(), () => deleteEndpoint(this.sql, o, endpointId)));
    return auditedChange(this.ctx.storage, caller, "webhook_endpoint.deleted", () => endpointId, run);
  }

  rotateWebhookSecret(caller: WebhookCaller, endpointId: string, sealedSecret: string) {
    const run = () =>
      this.asOwner(caller, false, (o) =>
        limitedChange(this.sql, o, this.now(), () => rotateSecret(this.sql, o, endpointId, sealedSecret, this.now())),
      );
    return auditedChange(this.ctx.storage, caller, "webhook_endpoint.secret_rotated", () => endpointId, run);
  }

  async sendWebhookTest(caller: WebhookCaller, endpointId: string) {
    const result = this.asOwner(caller, false, (o) => sendTestEvent(this.sql, o, endpointId, this.now()));
    // Only after a delivery was recorded: a stranger's call may reach an object that holds nothing.
    if (result.ok) await this.afterEvents(this.now());
    return result;
  }

  listWebhookDeliveries(caller: WebhookCaller, endpointId: string, cursor: string | null) {
    return this.asOwner(caller, false, (o) => listDeliveries(this.sql, o, endpointId, cursor));
  }

  async retryWebhookDelivery(caller: WebhookCaller, endpointId: string, deliveryId: string) {
    const result = this.asOwner(caller, false, (o) => retryDelivery(this.sql, o, endpointId, deliveryId, this.now()));
    if (result.ok) await this.afterEvents(this.now());
    return result;
  }

  /** A request's events, oldest first; the Worker has already checked the caller may read the request. */
  requestTimeline(requestId: string) {
    return this.ready ? requestTimeline(this.sql, requestId) : [];
  }

  listWebhookEvents(caller: WebhookCaller, after: number, type: string | null, limit?: number) {
    return this.asOwner(caller, false, (o) => listEvents(this.sql, o, after, type, this.now(), limit));
  }

  // The queue consumer's side of a delivery (queues/webhook-deliveries.ts).

  webhookBeginAttempt(deliveryId: string): AttemptJob {
    return beginAttempt(this.sql, deliveryId, this.now());
  }

  async webhookReportAttempt(deliveryId: string, attempt: number, outcome: AttemptOutcome): Promise<void> {
    if (reportAttempt(this.sql, deliveryId, attempt, outcome, this.now())) await this.afterEvents(this.now());
  }

  webhookDeadLettered(deliveryId: string): void {
    deadLetter(this.sql, deliveryId, this.now());
  }
}
