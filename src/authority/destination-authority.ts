import type { CallerActor, LoggedActor } from "../lib/actor";
import { DurableObject } from "cloudflare:workers";
import type { Permission } from "../clients/credentials/permissions";
import type { AttemptOutcome } from "../webhooks/events";
import { admitInTransaction } from "../requests/admission";
import { listAudit, recordAudit, type AuditActorFilter, type AuditEntry } from "../audit/audit-log";
import { AuthorityHost } from "./authority-host";
import type { AdmitInput, AdmitResult, AuthResult, DestinationProfile } from "./authority-types";
import type { RecordPaymentInput, RecordPaymentResult, RecordRefundInput, RecordRefundResult } from "./authority-types";
import type { TransitionInput, TransitionResult } from "./authority-types";
import type { LimitsPatch } from "../clients/client-store";
import { authenticateClient, createClient, getClient, listClients, revokeClient, rotateSecret, updateClient } from "../clients/clients";
import { requestTimeline } from "../webhooks/event-catch-up";
import { invalidField, type Ok } from "./outcomes";
import { declarePayer, type DeclarePayerInput, type DeclarePayerResult } from "../requests/payer-declaration";
import { nextRecheck } from "../payments/payment-recheck";
import { recordPayment } from "../payments/payment-state";
import { recordRefund } from "../payments/refund-state";
import { applyTransition } from "../requests/request-state";
import { readSignature, type SigningPatch } from "../clients/signing/signature-evidence";
import type { NewEndpoint } from "../webhooks/webhook-endpoints";
import * as webhooks from "../webhooks/webhook-operations";

export { IDEMPOTENCY_TTL_MS } from "./idempotency-keys";
export { MAX_LINKS_PER_REQUEST } from "../requests/admission";

/**
 * One per destination: the single authority on its client IDs, on which creates exist, and on every request's
 * state. An RPC shell and nothing more: each method hands one call to the capability that owns its tables
 * (clients and credentials, admission and limits, request state, payments, refunds, webhooks, audit), on the
 * host (authority-host.ts) that gives them the storage, the clock and the record pipeline. Every change is
 * decided in one synchronous transaction, so the object's serial order *is* the order of events, and then
 * written through to D1 (host.commit). Every method answers `{ outcome, … }`; the Worker turns refusals into
 * problems in one place (authority/stub.ts). See docs/architecture.md.
 *
 * Unauthenticated traffic leaves no storage: the object writes nothing (not even its schema) until the
 * recipient's side initialises it with the destination's profile, when it creates the first client or makes the
 * first manual request.
 */
export class DestinationAuthority extends DurableObject<Env> {
  private readonly host: AuthorityHost;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.host = new AuthorityHost(ctx, env);
  }

  override async alarm(): Promise<void> {
    await this.host.wake(this.host.now());
  }

  // Clients and credentials (clients.ts, client-store.ts).

  createClient(
    profile: DestinationProfile,
    c: { name: string; permissions: Permission[]; limits?: LimitsPatch; signing?: SigningPatch },
    actor: LoggedActor,
  ) {
    return createClient(this.host, profile, c, actor);
  }

  updateClient(clientId: string, patch: { limits?: LimitsPatch; signing?: SigningPatch }, actor: LoggedActor) {
    return updateClient(this.host, clientId, patch, actor);
  }

  rotateClientSecret(destinationId: string, clientId: string, overlapSeconds: number, actor: LoggedActor) {
    return rotateSecret(this.host, destinationId, clientId, overlapSeconds, actor);
  }

  listClients(): Ok<{ data: ReturnType<typeof listClients> }> {
    return { outcome: "ok", data: this.host.ready ? listClients(this.host.sql) : [] };
  }

  getClient(clientId: string) {
    return this.host.ready ? getClient(this.host.sql, clientId) : { outcome: "not_found" as const };
  }

  /** Permanent and idempotent: a second revoke keeps the first revocation time. */
  async revokeClient(clientId: string, actor: LoggedActor) {
    if (!this.host.ready) return { outcome: "not_found" as const };
    const now = this.host.now();
    const { value, stored } = await this.host.commit(clientId, () => revokeClient(this.host.sql, clientId, actor, now));
    await this.host.afterEvents(now);
    return value.outcome === "ok" ? { ...value, stored } : value;
  }

  /**
   * A client's secret and standing, decided now. `project`: the Worker found no credential for it in D1 (a client
   * made before credentials were projected there), so it is projected on the way.
   */
  async authenticate(clientId: string, secretHash: string, project = false): Promise<AuthResult> {
    if (!this.host.ready) return { outcome: "unauthenticated" };
    const now = this.host.now();
    return (await this.host.commit(clientId, () => authenticateClient(this.host.sql, clientId, secretHash, now, project))).value;
  }

  /** A request's signature evidence (signature-evidence.ts). */
  requestSignature(requestId: string) {
    const signature = this.host.ready ? readSignature(this.host.sql, requestId, this.host.now()) : null;
    return signature === null ? { outcome: "not_found" as const } : { outcome: "ok" as const, signature };
  }

  // Audit (audit-log.ts).

  /** A member change the Worker has just made in D1 (accounts/members.ts), entered in the audit log. */
  recordMemberChange(profile: DestinationProfile, entry: Omit<AuditEntry, "at">): Ok {
    this.host.initialise(profile);
    this.host.transaction(() => recordAudit(this.host.sql, { ...entry, at: this.host.now() }));
    return { outcome: "ok" };
  }

  /** The destination's audit log, newest first. */
  listAudit(cursor: string | null, actor: AuditActorFilter | null = null) {
    const page = this.host.ready ? listAudit(this.host.sql, cursor, actor) : cursor === null ? { data: [], nextCursor: null } : null;
    if (page === null) return invalidField("cursor", "Use nextCursor from the previous page.", "Not a cursor this API issued.");
    return { outcome: "ok" as const, ...page };
  }

  // Creates, transitions, payments and refunds: decided in one transaction, then written through (host.commit).

  /** Every create (admission.ts): a refusal leaves nothing; an admission is in D1 before a `stored: true` answer. */
  async admit(input: AdmitInput): Promise<AdmitResult> {
    const host = this.host;
    const now = host.now();
    if (input.actor.type === "user" && input.profile) host.initialise(input.profile);
    if (!host.ready) return { outcome: "unauthenticated" };
    const { value, stored } = await host.commit(null, () => admitInTransaction(host, input, now));
    const { result, deliveries } = value;
    // A replay's first answer may have been a 503: what it committed reaches D1 before this one answers.
    if (result.outcome === "replayed") return { ...result, stored: await host.writeThrough(host.outbox.pendingFor(result.record.row.id)) };
    if (result.outcome !== "admitted") return result;
    if (result.record.kind === "request" && result.record.row.expiresAt !== null) await host.scheduleAlarm(result.record.row.expiresAt);
    if (deliveries > 0 || (result.transitions?.length ?? 0) > 0) await host.afterEvents(now);
    else await host.armHousekeeping(now);
    return { ...result, stored };
  }

  /** The one way a request's status changes by action (request-state.ts). */
  transition(input: TransitionInput): Promise<TransitionResult> {
    return this.change(input, (now) => applyTransition(this.host.sql, input, this.host.secretCheck(now), now));
  }

  /** Records a payment the Worker verified over RPC first (payment-state.ts); confirming ones are re-checked by the alarm. */
  recordPayment(input: RecordPaymentInput): Promise<RecordPaymentResult> {
    return this.change(input, (now) => recordPayment(this.host.sql, input, this.host.secretCheck(now), now));
  }

  /** A refund the recipient records (refund-state.ts); a verified one was checked over RPC by the Worker first. */
  recordRefund(input: RecordRefundInput): Promise<RecordRefundResult> {
    return this.change(input, (now) => recordRefund(this.host.sql, input, now));
  }

  /** A payer's wallet, declared once on the pay page (payer-declaration.ts); written through like every change. */
  declarePayer(input: DeclarePayerInput): Promise<DeclarePayerResult & { stored?: boolean }> {
    return this.change({ ...input, actor: { type: "payer" } }, (now) => declarePayer(this.host.sql, input, now));
  }

  /**
   * A change to one request: refused unknown before anything is set up (a client's call cannot be one of ours),
   * else committed and written through; new events go out, and a confirming payment arms its re-check.
   */
  private async change<R extends { outcome: string; records?: unknown[] }>(
    input: { requestId: string | null; actor: { type: string } },
    decide: (now: number) => R,
  ): Promise<R & { stored?: boolean }> {
    if (!this.host.ready) return { outcome: input.actor.type === "client" ? "unauthenticated" : "not_found", records: [] } as never;
    const now = this.host.now();
    const { value, stored } = await this.host.commit(input.requestId, () => decide(now));
    if ((value.records?.length ?? 0) > 0) {
      const recheck = nextRecheck(this.host.sql);
      if (recheck !== null) await this.host.scheduleAlarm(recheck);
      await this.host.afterEvents(now);
    }
    return { ...value, stored };
  }

  /** The recipient's view of the record pipeline: what has not reached D1 yet, and what keeps failing. */
  health() {
    const h = this.host.ready ? this.host.outbox.health() : { pendingWrites: 0, oldestPendingAt: null, failedWrites: 0 };
    return { outcome: "ok" as const, ...h };
  }

  // Webhooks (webhook-operations.ts) and events.

  createWebhookEndpoint(caller: CallerActor, e: NewEndpoint) {
    return webhooks.createEndpoint(this.host, caller, e);
  }

  listWebhookEndpoints(caller: CallerActor) {
    return webhooks.listEndpointsAs(this.host, caller);
  }

  deleteWebhookEndpoint(caller: CallerActor, endpointId: string) {
    return webhooks.deleteEndpointAs(this.host, caller, endpointId);
  }

  rotateWebhookSecret(caller: CallerActor, endpointId: string, sealedSecret: string) {
    return webhooks.rotateEndpointSecret(this.host, caller, endpointId, sealedSecret);
  }

  sendWebhookTest(caller: CallerActor, endpointId: string) {
    return webhooks.sendTest(this.host, caller, endpointId);
  }

  listWebhookDeliveries(caller: CallerActor, endpointId: string, cursor: string | null) {
    return webhooks.listDeliveriesAs(this.host, caller, endpointId, cursor);
  }

  retryWebhookDelivery(caller: CallerActor, endpointId: string, deliveryId: string) {
    return webhooks.retryDeliveryAs(this.host, caller, endpointId, deliveryId);
  }

  listWebhookEvents(caller: CallerActor, after: number, type: string | null, limit?: number) {
    return webhooks.listEventsAs(this.host, caller, after, type, limit);
  }

  /** A request's events, oldest first; the Worker has already checked the caller may read the request. */
  requestTimeline(requestId: string) {
    return { outcome: "ok" as const, data: this.host.ready ? requestTimeline(this.host.sql, requestId) : [] };
  }

  // The queue consumer's side of a delivery (webhooks/webhook-deliveries.ts).

  webhookBeginAttempt(deliveryId: string) {
    return { outcome: "ok" as const, job: webhooks.beginDelivery(this.host, deliveryId) };
  }

  async webhookReportAttempt(deliveryId: string, attempt: number, outcome: AttemptOutcome): Promise<Ok> {
    await webhooks.reportDelivery(this.host, deliveryId, attempt, outcome);
    return { outcome: "ok" };
  }

  webhookDeadLettered(deliveryId: string): Ok {
    webhooks.deadLetterDelivery(this.host, deliveryId);
    return { outcome: "ok" };
  }
}
