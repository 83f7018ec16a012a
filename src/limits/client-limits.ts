import type { RefusedAs } from "../authority/outcomes";
import type { TokenProfile } from "../payments/chains/currency";
import type { RequestRow } from "../db/schema";
import { formatMinor, rescaleUp } from "../lib/money";
import type { AdmissionRecord } from "../authority/authority-types";
import { reserve, spentOf } from "./budget-ledger";
import { sameValue, type LimitMoney } from "./limit-money";
import { DEFAULT_CREATES_PER_MINUTE, checkBucket, take } from "./rate-bucket";
import { projectCredential } from "../clients/credential-projection";
import { isoOrNull } from "../lib/iso-time";

/** A client's limits as the authority stores them (JSON in `clients.limits`); its expiry is its own column, since use moves it. */
export type StoredLimits = {
  outgoingBudget: LimitMoney | null;
  autoApproveUpTo: LimitMoney | null;
  extendOnUseSeconds: number | null;
  createsPerMinute: number | null;
};

export const NO_LIMITS: StoredLimits = { outgoingBudget: null, autoApproveUpTo: null, extendOnUseSeconds: null, createsPerMinute: null };

/** The columns of a client row this module reads. */
export type LimitsRow = { id: string; limits: string | null; expires_at: number | null; budget_spent: string };

export const limitsOf = (row: LimitsRow): StoredLimits =>
  row.limits ? { ...NO_LIMITS, ...(JSON.parse(row.limits) as StoredLimits) } : NO_LIMITS;

export const isExpired = (row: Pick<LimitsRow, "expires_at">, now: number) => row.expires_at !== null && row.expires_at <= now;

const money = (m: LimitMoney | null) => (m === null ? null : { amount: formatMinor(m.minor, m.decimals), currency: m.currency });

/** What the client view adds: its limits (defaults filled in), what the budget has reserved and has left, and its expiry. */
export function limitsView(row: LimitsRow) {
  const limits = limitsOf(row);
  const budget = limits.outgoingBudget;
  const spent = BigInt(row.budget_spent);
  const left = budget === null ? null : BigInt(budget.minor) - spent;
  return {
    limits: {
      outgoingBudget: money(budget),
      autoApproveUpTo: money(limits.autoApproveUpTo),
      expiresAt: isoOrNull(row.expires_at),
      extendOnUseSeconds: limits.extendOnUseSeconds,
      createsPerMinute: limits.createsPerMinute ?? DEFAULT_CREATES_PER_MINUTE,
    },
    spent: budget === null ? null : formatMinor(spent, budget.decimals),
    remaining: budget === null || left === null ? null : formatMinor(left < 0n ? 0n : left, budget.decimals),
    expiresAt: isoOrNull(row.expires_at),
  };
}

export type LimitsRefusal = RefusedAs<"rate_limited" | "allowance_exceeded">;

/** What admission will write if every other check passes; computed without writing, so a later refusal leaves nothing. */
export type LimitsPlan = { clientId: string; tokens: number; reserve: bigint | null; extendTo: number | null; autoApprove: boolean };

/** A request's amount measured against a limit, or null when the two currencies are not the same value. */
function measured(row: RequestRow, limit: LimitMoney, token: TokenProfile): bigint | null {
  if (!sameValue(row.currency, limit.currency, token) || row.decimals === null) return null;
  // Rounded up: a reservation never counts less than the request (0.000001 USDC reserves 0.01 USD, never 0).
  return rescaleUp(BigInt(row.amountMinor), row.decimals, limit.decimals);
}

/**
 * The client's limits on one create, inside admit's transaction: the rate
 * bucket (every create), then for an outgoing request the budget (reserved
 * now, so concurrent creates, serialized here, never overspend) and the
 * auto-approval threshold. `clock` is the authority's clock (tests move it).
 */
export function checkLimits(
  sql: SqlStorage,
  row: LimitsRow,
  record: AdmissionRecord,
  token: TokenProfile,
  clock: number,
): LimitsPlan | LimitsRefusal {
  const limits = limitsOf(row);
  const perMinute = limits.createsPerMinute ?? DEFAULT_CREATES_PER_MINUTE;
  const bucket = checkBucket(sql, row.id, perMinute, clock);
  if (!bucket.ok)
    return {
      outcome: "rate_limited",
      detail: `This client ID may create ${perMinute} times a minute; retry in ${bucket.retryAfterSeconds} s.`,
      limit: {
        policy: "creates",
        limit: perMinute,
        windowSeconds: 60,
        retryAfterSeconds: bucket.retryAfterSeconds,
        resetSeconds: bucket.resetSeconds,
      },
    };
  const extendTo =
    limits.extendOnUseSeconds !== null && row.expires_at !== null
      ? Math.max(row.expires_at, clock + limits.extendOnUseSeconds * 1000)
      : null;
  const plan: LimitsPlan = { clientId: row.id, tokens: bucket.tokens, reserve: null, extendTo, autoApprove: false };
  if (record.kind !== "request" || record.row.direction !== "outgoing") return plan;
  const budget = limits.outgoingBudget;
  if (budget !== null) {
    const amount = measured(record.row, budget, token);
    if (amount === null) {
      return {
        outcome: "allowance_exceeded",
        detail: `This client ID's outgoing budget is in ${budget.currency}; a ${record.row.currency} request cannot be counted against it.`,
      };
    }
    const left = BigInt(budget.minor) - spentOf(sql, row.id);
    if (amount > left) {
      return {
        outcome: "allowance_exceeded",
        detail: `This request needs ${formatMinor(amount, budget.decimals)} ${budget.currency}; the client ID's outgoing budget has ${formatMinor(left < 0n ? 0n : left, budget.decimals)} ${budget.currency} left.`,
      };
    }
    plan.reserve = amount;
  }
  const ceiling = limits.autoApproveUpTo;
  if (ceiling !== null) {
    const amount = measured(record.row, ceiling, token);
    plan.autoApprove = amount !== null && amount <= BigInt(ceiling.minor);
  }
  return plan;
}

/**
 * Writes a plan, after the request's own state: takes the rate token, reserves
 * the budget under the request's id and moves the expiry. Whether to approve at
 * once (the amount is within autoApproveUpTo) is the plan's `autoApprove`, which
 * the admission carries out (request state is not this capability's).
 */
export function applyLimits(sql: SqlStorage, plan: LimitsPlan, record: AdmissionRecord, clock: number, now: number): void {
  take(sql, plan.clientId, plan.tokens, clock);
  if (plan.extendTo !== null) {
    sql.exec("UPDATE clients SET expires_at = ? WHERE id = ?", plan.extendTo, plan.clientId);
    projectCredential(sql, plan.clientId, now); // reads judge expiry from D1's copy
  }
  if (record.kind === "request" && plan.reserve !== null) reserve(sql, plan.clientId, record.row.id, plan.reserve, now);
}
