import type { TokenProfile } from "../payments/chains/currency";
import type { Permission } from "../clients/credentials/permissions";
import { resolveMoney } from "./admission-money";
import type { AdmissionRecord, AdmitInput, AdmitResult } from "../authority/authority-types";
import { applyLimits, checkLimits, isExpired, type LimitsPlan } from "../limits/client-limits";
import { clientRow, secretMatches, type ClientRow } from "../clients/client-store";
import { priorAdmission, rememberAdmission } from "../authority/idempotency-keys";
import type { Outbox } from "../authority/outbox";
import { admitRequestState, approveAtAdmission } from "./request-state";
import { admissionSignatureRefusal, recordSignature } from "../clients/signing/signature-evidence";
import { recordAdmissionEvent } from "../webhooks/webhook-hooks";

/** A payment link per request at most this many times: a reader or a leaked secret cannot mint without end. */
export const MAX_LINKS_PER_REQUEST = 25;

const REVOKED = "This client ID was revoked by the recipient; it can no longer create requests or payment links.";
const EXPIRED = "This client ID is past its expiresAt; it can no longer create, only read the requests it created.";

/** What admission needs of its host: the storage, the outbox, and the destination's token. */
export type AdmissionHost = { sql: SqlStorage; outbox: Outbox; token: () => TokenProfile | undefined };

/**
 * The linearization point of every create, run inside the authority's one
 * transactionSync: credential, revocation, expiry, permission, idempotency,
 * currency, limits, the link cap, then the writes (outbox record, request
 * state, event, limits, key). Nothing here awaits, so no revoke can interleave;
 * a refusal returns before any write, so it leaves nothing behind.
 * `deliveries` is how many webhook deliveries the admission queued.
 */
export function admitInTransaction(host: AdmissionHost, input: AdmitInput, now: number): { result: AdmitResult; deliveries: number } {
  const { sql } = host;
  const refuse = (result: AdmitResult) => ({ result, deliveries: 0 });
  let record: AdmissionRecord = input.record;
  let client: ClientRow | undefined;
  if (input.actor.type === "client") {
    const row = clientRow(sql, input.actor.clientId);
    if (!row || !secretMatches(row, input.actor.secretHash, now)) return refuse({ outcome: "unauthenticated" });
    // Authentication before authorization: a client that must sign is 401 unsigned, whatever else holds.
    const unsigned = input.signature === undefined ? null : admissionSignatureRefusal(row, input.signature);
    if (unsigned !== null) return refuse({ outcome: "signature_invalid", detail: unsigned });
    if (row.status === "revoked") return refuse({ outcome: "client_revoked", detail: REVOKED });
    if (isExpired(row, now)) return refuse({ outcome: "client_expired", detail: EXPIRED });
    if (!(JSON.parse(row.permissions) as Permission[]).includes(input.permission))
      return refuse({ outcome: "permission_denied", detail: `This client ID lacks the ${input.permission} permission.` });
    client = row; // its use is recorded by its rate bucket's write (client-store.ts's CLIENT_SELECT)
    if (record.kind === "request") record = { kind: "request", row: { ...record.row, createdByClientName: row.name } };
  }
  const scope = input.actor.type === "client" ? `client:${input.actor.clientId}` : `user:${input.actor.userId}`;
  if (input.idempotencyKey !== null) {
    const prior = priorAdmission(sql, scope, input.idempotencyKey, now);
    if (prior && prior.fingerprint !== input.fingerprint)
      return refuse({ outcome: "idempotency_conflict", detail: "This Idempotency-Key was already used with a different request body." });
    if (prior) return refuse({ outcome: "replayed", record: prior.record, reply: prior.reply });
  }
  if (input.blockedBy !== undefined) return refuse({ outcome: "invalid_state", detail: input.blockedBy });
  const token = host.token();
  if ((input.money || client) && !token) return refuse({ outcome: "unauthenticated" });
  if (record.kind === "request" && input.money) {
    const resolved = resolveMoney(record.row, input.money, token!);
    if (!("row" in resolved)) return refuse(resolved);
    record = { kind: "request", row: resolved.row };
  }
  let plan: LimitsPlan | null = null;
  if (client) {
    const checked = checkLimits(sql, client, record, token!, now);
    if ("outcome" in checked) return refuse(checked);
    plan = checked;
  }
  if (record.kind === "link") {
    const made = sql.exec<{ n: number }>("SELECT n FROM link_counts WHERE request_id = ?", record.row.requestId).toArray()[0]?.n ?? 0;
    if (made >= MAX_LINKS_PER_REQUEST)
      return refuse({ outcome: "conflict", detail: `This request already has ${MAX_LINKS_PER_REQUEST} payment links; reuse one of them.` });
    sql.exec(
      "INSERT INTO link_counts (request_id, n) VALUES (?, 1) ON CONFLICT (request_id) DO UPDATE SET n = n + 1",
      record.row.requestId,
    );
  }
  host.outbox.put(record, now);
  if (record.kind === "request") admitRequestState(sql, record.row);
  if (record.kind === "request" && input.signature && input.actor.type === "client")
    recordSignature(sql, record.row.id, input.actor.clientId, input.actor.secretHash, input.signature.evidence, now);
  const deliveries = recordAdmissionEvent(sql, record, input.requestCreatorClientId, now, input.actor);
  // Limits write last, after the request exists: its reservation is keyed by it, and auto-approval moves it.
  if (plan) applyLimits(sql, plan, record, now, now);
  // Within the client's autoApproveUpTo: approved at once, by the system (the recipient's policy decided, not the client).
  const approval = plan?.autoApprove && record.kind === "request" ? approveAtAdmission(sql, record.row.id, now) : null;
  const limited = approval
    ? { record: { kind: "request" as const, row: approval.row }, transitions: [approval] }
    : { record, transitions: [] };
  const reply = input.reply ?? null;
  if (input.idempotencyKey !== null)
    rememberAdmission(sql, scope, input.idempotencyKey, { fingerprint: input.fingerprint, record: limited.record, reply }, now);
  return { result: { outcome: "admitted", record: limited.record, reply, transitions: limited.transitions }, deliveries };
}
