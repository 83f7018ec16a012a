type Tone = "success" | "warning" | "neutral" | "danger" | "info";

const TONES: Record<string, Tone> = {
  claimed: "success",
  active: "success",
  paid: "success",
  unclaimed: "warning",
  pending: "warning",
  revoked: "neutral",
  cancelled: "neutral",
  expired: "neutral",
  failed: "danger",
  // Webhook endpoints and deliveries.
  enabled: "success",
  disabled: "danger",
  delivered: "success",
  skipped: "neutral",
};

const LABELS: Record<string, string> = {
  claimed: "Claimed",
  unclaimed: "Unclaimed",
  active: "Active",
  revoked: "Revoked",
  pending: "Pending",
  paid: "Paid",
  cancelled: "Cancelled",
  failed: "Failed",
  expired: "Expired",
  enabled: "Enabled",
  disabled: "Disabled",
  delivered: "Delivered",
  skipped: "Skipped",
};

/** A coloured pill for a destination, client, request, link, webhook endpoint or delivery status. */
export function StatusBadge({ status }: { status: string }) {
  const tone = TONES[status] ?? "info";
  return <span class={`badge badge-${tone}`}>{LABELS[status] ?? status}</span>;
}
