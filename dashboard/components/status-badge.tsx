type Tone = "success" | "warning" | "neutral" | "danger" | "info" | "attention";

const TONES: Record<string, Tone> = {
  claimed: "success",
  active: "success",
  paid: "success",
  approved: "success",
  unclaimed: "warning",
  pending: "warning",
  // Waits on the recipient, not on the payer: its own badge, never the amber of "Pending".
  pending_approval: "attention",
  partially_paid: "warning",
  processing: "info",
  revoked: "neutral",
  cancelled: "neutral",
  expired: "neutral",
  rejected: "danger",
  // Webhook endpoints and deliveries.
  enabled: "success",
  disabled: "danger",
  delivered: "success",
  failed: "danger",
  skipped: "neutral",
  // Payments of a request.
  confirmed: "success",
  confirming: "info",
  declared: "neutral",
};

const LABELS: Record<string, string> = {
  claimed: "Claimed",
  unclaimed: "Unclaimed",
  active: "Active",
  revoked: "Revoked",
  pending: "Pending",
  processing: "Processing",
  partially_paid: "Partially paid",
  paid: "Paid",
  cancelled: "Cancelled",
  expired: "Expired",
  pending_approval: "Awaiting approval",
  approved: "Approved",
  rejected: "Rejected",
  enabled: "Enabled",
  disabled: "Disabled",
  delivered: "Delivered",
  failed: "Failed",
  skipped: "Skipped",
  confirmed: "Confirmed",
  confirming: "Confirming",
  declared: "Declared",
};

/** The words for a status, wherever one is shown (badges, filters, announcements). */
export const statusLabel = (status: string): string => LABELS[status] ?? status;

/** A coloured pill for a destination, client, request, link, webhook endpoint or delivery status. */
export function StatusBadge({ status }: { status: string }) {
  const tone = TONES[status] ?? "info";
  return <span class={`badge badge-${tone}`}>{statusLabel(status)}</span>;
}
