import type { RequestStatus } from "./request-status";

export type Direction = "incoming" | "outgoing";

/**
 * The lifecycle's actions. Payments (pay, partially_pay, mark_paid) slot in as
 * further rows when verification lands; nothing else reads statuses by hand.
 */
export type TransitionAction = "cancel" | "approve" | "reject" | "expire";

type Rule = { from: readonly RequestStatus[]; to: RequestStatus };

/**
 * The state machine as data (the contract's "Request lifecycle" table): per
 * direction, each action, the statuses it may start from and where it ends.
 * The authority enforces it; the dashboard reads it to offer buttons.
 */
export const TRANSITIONS: Record<Direction, Partial<Record<TransitionAction, Rule>>> = {
  incoming: {
    cancel: { from: ["pending"], to: "cancelled" },
    expire: { from: ["pending"], to: "expired" },
  },
  outgoing: {
    approve: { from: ["pending_approval"], to: "approved" },
    reject: { from: ["pending_approval"], to: "rejected" },
    cancel: { from: ["pending_approval", "approved"], to: "cancelled" },
    expire: { from: ["pending_approval", "approved"], to: "expired" },
  },
};

/** The status a new request starts in: outgoing requests wait for the recipient's approval. */
export const initialStatus = (d: Direction): RequestStatus => (d === "outgoing" ? "pending_approval" : "pending");

export type Verdict = { kind: "move"; to: RequestStatus } | { kind: "already" } | { kind: "not_allowed" };

/**
 * What `action` does to a request in `status`: moves it, finds it already where
 * that action leads (a repeat, answered as success), or is not allowed.
 */
export function judge(direction: Direction, status: RequestStatus, action: TransitionAction): Verdict {
  const rule = TRANSITIONS[direction][action];
  if (!rule) return { kind: "not_allowed" };
  if (rule.from.includes(status)) return { kind: "move", to: rule.to };
  return status === rule.to ? { kind: "already" } : { kind: "not_allowed" };
}

/** The actions a request in `status` allows now (for the dashboard's buttons). */
export function allowedActions(direction: Direction, status: RequestStatus): TransitionAction[] {
  return (Object.entries(TRANSITIONS[direction]) as [TransitionAction, Rule][])
    .filter(([, rule]) => rule.from.includes(status))
    .map(([action]) => action);
}

/** Statuses a due `expiresAt` turns into `expired`, even before the alarm runs. */
export const EXPIRABLE: readonly RequestStatus[] = ["pending", "pending_approval", "approved"];

/** How a payment reaches a request: a verified transaction, or the recipient's declaration (bank rails, no transaction). */
export type PaymentKind = "verified" | "declared";

/**
 * The payment rows of the state machine: per direction, the statuses in which
 * each kind of payment is recorded. Late, over- and after-close transfers are
 * recorded, never dropped (so `expired`, `paid` and incoming `cancelled`
 * accept verified payments); a declaration settles only what is still open.
 * Where a payment leaves the request is `statusAfterPayments`.
 */
export const PAYMENT_RULES: Record<Direction, Record<PaymentKind, readonly RequestStatus[]>> = {
  incoming: {
    verified: ["pending", "processing", "partially_paid", "paid", "expired", "cancelled"],
    declared: ["pending", "processing", "partially_paid", "expired"],
  },
  outgoing: {
    verified: ["approved", "processing", "partially_paid", "paid"],
    declared: ["approved", "processing", "partially_paid"],
  },
};

/** Payments' sums in the request's minor units: confirmed (and declared), and whether any transaction is still confirming. */
export type PaymentTotals = { amount: bigint; paid: bigint; confirming: boolean };

/** Where a request stands before any payment counts: where a dropped transaction returns it. */
export const openStatus = (direction: Direction, expired: boolean): RequestStatus =>
  expired ? "expired" : direction === "outgoing" ? "approved" : "pending";

/**
 * The status payments give a request: paid once the confirmed sum reaches the
 * amount, processing while a transaction confirms, partially_paid below it.
 * A cancelled request stays cancelled (the payment is owed back: refundDue).
 */
export function statusAfterPayments(before: RequestStatus, open: RequestStatus, t: PaymentTotals): RequestStatus {
  if (before === "cancelled") return "cancelled";
  if (t.paid >= t.amount) return "paid";
  if (t.confirming) return "processing";
  return t.paid > 0n ? "partially_paid" : open;
}

/** The event a payment raises: its new status, after-close for a paid or cancelled request, dropped for a reorg. */
export function paymentEventType(before: RequestStatus, after: RequestStatus, dropped: boolean) {
  if (dropped) return "request.payment_dropped" as const;
  if (before === "cancelled" || before === "paid") return "request.payment_after_close" as const;
  if (after === "processing" || after === "partially_paid" || after === "paid") return `request.${after}` as const;
  return "request.payment_after_close" as const;
}
