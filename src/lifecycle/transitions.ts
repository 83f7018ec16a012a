import type { RequestStatus } from "../lib/request-status";

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
