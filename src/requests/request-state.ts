import { eventActor, type Actor, type TransitionActor } from "../lib/actor";
import type { PaymentRow, RefundRow, RequestRow } from "../db/schema";
import { EXPIRABLE, judge, type TransitionAction } from "./transitions";
import type { RequestStatus } from "./request-status";
import { serializeRequest } from "./request-view";
import type { TransitionInput, TransitionRecord, TransitionResult } from "../authority/authority-types";
import { afterTransition } from "./transition-hooks";
import { recordEvent, type RecordEventInput } from "../webhooks/webhook-store";
import { outboxOf } from "../authority/outbox";
import { storedPaymentViews } from "../payments/payment-store";

/**
 * A request's state in the authority, its single writer. Plain functions over
 * the authority's SqlStorage, called inside its transactionSync: a transition
 * reads, checks the table, writes the state, the webhook event and the outbox
 * record in one step, so two racing actions are simply ordered and the second
 * sees the first's result.
 */

type StateRow = {
  id: string;
  direction: "incoming" | "outgoing";
  status: RequestStatus;
  creator_client_id: string | null;
  expires_at: number | null;
  sequence: number;
  row: string;
};

/** The expirable-statuses predicate, as the partial index `requests_expiry` states it (a pinned migration step). */
const EXPIRABLE_SQL = `expires_at IS NOT NULL AND status IN (${EXPIRABLE.map((s) => `'${s}'`).join(", ")})`;

export function admitRequestState(sql: SqlStorage, row: RequestRow): void {
  sql.exec(
    "INSERT INTO requests (id, direction, status, creator_client_id, expires_at, sequence, row) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
    row.id,
    row.direction,
    row.status,
    row.createdByClientId,
    row.expiresAt,
    row.statusSequence,
    JSON.stringify(row),
  );
}

const EVENT_TYPES = {
  cancel: "request.cancelled",
  approve: "request.approved",
  reject: "request.rejected",
  expire: "request.expired",
} as const;

/** Who may ask for what, before the table is consulted: the creator or the recipient cancel; the recipient decides; only the authority expires. */
function permitted(state: StateRow, action: TransitionAction, actor: TransitionActor): boolean {
  if (action === "expire") return actor.type === "system";
  if (actor.type === "user") return true;
  return action === "cancel" && actor.type === "client" && state.creator_client_id === actor.clientId;
}

/** A status change, as both writers of status describe it: a lifecycle action, or a payment's settlement. */
export type StatusChange = {
  row: RequestRow;
  sequenceBefore: number;
  type: RecordEventInput["type"];
  actor: Actor;
  data: Record<string, string>;
  /** The lifecycle action, for the audit log; a payment's changes are audited by their own path (mark-paid). */
  action?: TransitionAction;
  payments?: PaymentRow[];
  refunds?: RefundRow[];
};

/**
 * The one writer of a request's status, inside the caller's transaction: the
 * state row, its webhook event, its outbox record (for D1), and the hooks every
 * status change runs (a budget reservation released when it ends unpaid, the
 * audit entry). Transitions (move) and payments (payment-settle.ts) both end here.
 */
export function writeStatus(sql: SqlStorage, change: StatusChange, now: number): TransitionRecord {
  const { row, type, actor, data } = change;
  const sequence = change.sequenceBefore + 1;
  const after: RequestRow = { ...row, statusSequence: sequence, updatedAt: now };
  const told = eventActor(actor);
  const { eventId } = recordEvent(sql, {
    type,
    at: now,
    actor: told,
    details: data,
    // The detail view (with its payments), as GET /v1/requests/{id} answers it at this event.
    object: {
      ...serializeRequest(after, now),
      payments: storedPaymentViews(sql, after.id, data.detectedBy && data.txHash ? [data.txHash] : []),
    },
    subject: { kind: "request", requestId: after.id, direction: after.direction, creatorClientId: after.createdByClientId },
  });
  sql.exec("UPDATE requests SET status = ?, sequence = ?, row = ? WHERE id = ?", after.status, sequence, JSON.stringify(after), after.id);
  const record: TransitionRecord = {
    kind: "transition",
    row: after,
    event: { id: eventId, requestId: after.id, destinationId: after.destinationId, type, actor: told, data, at: now, sequence },
    ...(change.payments ? { payments: change.payments } : {}),
    ...(change.refunds ? { refunds: change.refunds } : {}),
  };
  outboxOf(sql).put(record, now);
  afterTransition(sql, after, change.action, actor, now);
  return record;
}

function move(
  sql: SqlStorage,
  state: StateRow,
  action: TransitionAction,
  to: RequestStatus,
  actor: TransitionActor,
  data: Record<string, string>,
  now: number,
): TransitionRecord {
  const row: RequestRow = { ...(JSON.parse(state.row) as RequestRow), status: to };
  const record = writeStatus(sql, { row, sequenceBefore: state.sequence, type: EVENT_TYPES[action], actor, data, action }, now);
  Object.assign(state, { status: to, sequence: record.row.statusSequence, row: JSON.stringify(record.row) });
  return record;
}

const PAST: Record<TransitionInput["action"], string> = { cancel: "cancelled", approve: "approved", reject: "rejected", expire: "expired" };

const readState = (sql: SqlStorage, id: string) => sql.exec<StateRow>("SELECT * FROM requests WHERE id = ?", id).toArray()[0];

/**
 * One transition. A due expiry is applied first (so nothing moves a request a
 * reader already sees as expired). `checkSecret` is the client credential check,
 * done here so a revoke cannot interleave; a revoked client still cancels its own.
 */
export function applyTransition(
  sql: SqlStorage,
  input: TransitionInput,
  checkSecret: (clientId: string, secretHash: string) => boolean,
  now: number,
): TransitionResult {
  const records: TransitionRecord[] = [];
  const { actor, action } = input;
  if (actor.type === "client" && !checkSecret(actor.clientId, actor.secretHash)) return { outcome: "unauthenticated", records };
  if (input.adopt?.id === input.requestId && !readState(sql, input.requestId)) admitRequestState(sql, input.adopt);
  const state = readState(sql, input.requestId);
  // Another client's request is not its business: the same answer as a request that does not exist.
  if (!state || (actor.type === "client" && state.creator_client_id !== actor.clientId)) return { outcome: "not_found", records };
  if (!permitted(state, action, actor))
    return { outcome: "permission_denied", detail: `Only the recipient may have a request ${PAST[action]}.`, records };
  if (action !== "expire" && state.expires_at !== null && state.expires_at <= now && EXPIRABLE.includes(state.status)) {
    records.push(move(sql, state, "expire", "expired", { type: "system" }, {}, now));
  }
  const verdict = judge(state.direction, state.status, action);
  const row = JSON.parse(state.row) as RequestRow;
  if (verdict.kind === "not_allowed")
    return { outcome: "invalid_state", detail: `This request is ${row.status}; it cannot be ${PAST[action]}.`, row, records };
  if (verdict.kind === "already") return { outcome: "unchanged", row, records };
  const record = move(sql, state, action, verdict.to, actor, input.data ?? {}, now);
  records.push(record);
  return { outcome: "done", row: record.row, records };
}

/** A client's autoApproveUpTo approving its request inside the admission's transaction (client-limits.ts). */
export function approveAtAdmission(sql: SqlStorage, requestId: string, now: number): TransitionRecord {
  return move(sql, readState(sql, requestId)!, "approve", "approved", { type: "system" }, { reason: "autoApproveUpTo" }, now);
}

/** Requests whose expiresAt has passed while they could still expire; oldest first. */
export function dueExpiries(sql: SqlStorage, now: number, limit: number): string[] {
  return sql
    .exec<{ id: string }>(`SELECT id FROM requests WHERE ${EXPIRABLE_SQL} AND expires_at <= ? ORDER BY expires_at LIMIT ?`, now, limit)
    .toArray()
    .map((r) => r.id);
}

/** When the next expiry is due, for the alarm. */
export function nextExpiry(sql: SqlStorage): number | null {
  return sql.exec<{ at: number | null }>(`SELECT MIN(expires_at) AS at FROM requests WHERE ${EXPIRABLE_SQL}`).one().at;
}
