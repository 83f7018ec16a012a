import { loggedActor, type Actor } from "../lib/actor";
import type { TransitionAction } from "./transitions";
import type { RequestRow } from "../db/schema";
import { recordAudit, type AuditAction } from "../audit/audit-log";
import { formatMinor } from "../lib/money";
import { release } from "../limits/budget-ledger";
import { limitsOf, type LimitsRow } from "../limits/client-limits";

/** Statuses that end a request without paying it: their budget reservation goes back to the client. */
const RELEASING = new Set(["rejected", "cancelled", "expired"]);

const AUDITED: Partial<Record<TransitionAction, AuditAction>> = {
  approve: "request.approved",
  reject: "request.rejected",
  cancel: "request.cancelled",
  expire: "request.expired",
};

/**
 * What else happens in the transaction of every status change (request-state.ts's
 * writeStatus): the budget reservation is released when the request ends unpaid
 * (once: see budget-ledger.ts), and a lifecycle action enters the audit log.
 */
export function afterTransition(sql: SqlStorage, row: RequestRow, action: TransitionAction | undefined, actor: Actor, now: number): void {
  const released = RELEASING.has(row.status) ? release(sql, row.id) : null;
  const audited = action === undefined ? undefined : AUDITED[action];
  if (audited === undefined) return;
  recordAudit(sql, {
    at: now,
    actor: loggedActor(actor),
    action: audited,
    target: { type: "request", id: row.id },
    details: { status: row.status, ...(released && released.amount > 0n ? releasedDetails(sql, released) : {}) },
  });
}

/**
 * What a release gave back: `budgetReleased` in the budget's minor units (as before), and, for
 * people reading the audit log, the amount in words with its currency and the client it went back to.
 */
function releasedDetails(sql: SqlStorage, released: { clientId: string; amount: bigint }) {
  const row = sql.exec<LimitsRow>("SELECT id, limits, expires_at, budget_spent FROM clients WHERE id = ?", released.clientId).toArray()[0];
  const budget = row ? limitsOf(row).outgoingBudget : null;
  return {
    budgetReleased: released.amount.toString(),
    budgetReleasedTo: released.clientId,
    ...(budget ? { budgetReleasedAmount: { amount: formatMinor(released.amount, budget.decimals), currency: budget.currency } } : {}),
  };
}
