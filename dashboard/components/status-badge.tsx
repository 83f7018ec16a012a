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
};

/** A coloured pill for a destination, client, request or link status. */
export function StatusBadge({ status }: { status: string }) {
  const tone = TONES[status] ?? "info";
  return <span class={`badge badge-${tone}`}>{LABELS[status] ?? status}</span>;
}
