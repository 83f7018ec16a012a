import type { TokenProfile } from "../payments/chains/currency";
import { database } from "../db/client";
import { writeRecords } from "./record-writer";
import { pruneAudit, saveProfile } from "../audit/audit-log";
import { isInitialised, migrateAuthority } from "./authority-storage";
import type { DestinationProfile } from "./authority-types";
import { clientRow, secretMatches } from "../clients/client-store";
import { forgetLapsedKeys } from "./idempotency-keys";
import { outboxOf, type Outbox, type PendingRecord } from "./outbox";
import { nextRecheck, recheckPayments } from "../payments/payment-recheck";
import { applyTransition, dueExpiries, nextExpiry } from "../requests/request-state";
import { ENQUEUE_GRACE_MS, enqueueDue, nextEventPurge, webhookHousekeeping } from "../webhooks/webhook-attempts";

/** Records written, and expiries applied, per alarm run: one D1 batch, well under D1's per-invocation query limit. */
const BATCH = 100;
/** Purges (lapsed keys, old events) are not urgent: the alarm comes for them at most this often. */
const HOUSEKEEPING_MS = 3_600_000;

const earliest = (times: (number | null)[]) =>
  times.reduce<number | null>((a, b) => (a === null ? b : b === null ? a : Math.min(a, b)), null);

/**
 * What every capability of the authority runs on (docs/architecture.md, "The record pipeline"): the object's
 * SQLite, its one clock, the outbox, and the three steps after a decision. `commit` runs a decision in one
 * `transactionSync` and writes its records through to D1; `afterEvents` hands new webhook deliveries to the
 * queue; `wake` is the alarm, which asks each capability when it next has work. The RPC shell
 * (destination-authority.ts) holds nothing else.
 */
export class AuthorityHost {
  readonly sql: SqlStorage;
  readonly outbox: Outbox;
  private initialised: boolean;
  /** Added to Date.now() by now(): tests move the object's one clock through runInDurableObject (test/helpers/authority.ts). */
  skewMs = 0;
  /** The destination's token as last read: only initialise() writes it, and it forgets this. */
  private tokenRead: TokenProfile | undefined;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
  ) {
    this.sql = ctx.storage.sql;
    this.outbox = outboxOf(this.sql);
    this.initialised = isInitialised(this.sql);
    if (this.initialised)
      void ctx.blockConcurrencyWhile(async () => {
        migrateAuthority(this.sql);
        // A restart (a deploy, an eviction) may have cut a write-through short: the alarm finishes it.
        const wake = this.outbox.nextWake();
        if (wake !== null) await this.scheduleAlarm(wake);
      });
  }

  /** Whether the recipient's side ever initialised this object: until then it holds nothing, not even its schema. */
  get ready(): boolean {
    return this.initialised;
  }

  now(): number {
    return Date.now() + this.skewMs;
  }

  /** Sets up the schema only: a recipient's webhook call on a destination with no client yet. */
  ensureSchema(): void {
    if (!this.initialised) migrateAuthority(this.sql);
    this.initialised = true;
  }

  /** On behalf of the recipient only, after D1 confirmed the destination is theirs and claimed. */
  initialise(profile: DestinationProfile): void {
    this.ensureSchema();
    this.tokenRead = undefined;
    this.ctx.storage.transactionSync(() => saveProfile(this.sql, profile));
  }

  token(): TokenProfile | undefined {
    if (this.tokenRead) return this.tokenRead;
    const row = this.sql.exec<{ token: string }>("SELECT token FROM destination LIMIT 1").toArray()[0];
    this.tokenRead = row ? Object.freeze(JSON.parse(row.token) as TokenProfile) : undefined;
    return this.tokenRead;
  }

  /** A client's credential check inside a transition or payment: decided in the same transaction, so no revoke interleaves. */
  secretCheck(now: number) {
    return (clientId: string, secretHash: string) => {
      const row = clientRow(this.sql, clientId);
      return row !== undefined && secretMatches(row, secretHash, now);
    };
  }

  /** One synchronous transaction: all of `fn`'s writes, or none. */
  transaction<T>(fn: () => T): T {
    return this.ctx.storage.transactionSync(fn);
  }

  /**
   * The record pipeline: `fn` decides in one transactionSync and puts its records in the outbox; then they are
   * written through to D1, with anything still unwritten about `subject` (an earlier 503 left it), so a 2xx is
   * always read back from D1. `stored` is false when D1 refused any of them: they wait in the outbox on their
   * own backoff, and the caller answers 503.
   */
  async commit<T>(subject: string | null, fn: () => T): Promise<{ value: T; stored: boolean }> {
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
  async writeThrough(pending: PendingRecord[]): Promise<boolean> {
    if (pending.length === 0) return true;
    const retryAt = this.outbox.settle(await writeRecords(database(this.env.DB), pending), this.now());
    if (retryAt !== null) await this.scheduleAlarm(retryAt);
    return retryAt === null;
  }

  async scheduleAlarm(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  /** Purges need an alarm some time: set one only if none is set (getAlarm is answered from memory). */
  async armHousekeeping(now: number): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(now + HOUSEKEEPING_MS);
  }

  /** After a transaction that recorded events: their deliveries go to the queue now; the alarm retries what could not. */
  async afterEvents(now: number, minAgeMs = 0): Promise<void> {
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

  /** The alarm's work as of `now`, one step per capability; then it asks each for its next wake time. */
  async wake(now: number): Promise<void> {
    if (!this.initialised) return;
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
}
