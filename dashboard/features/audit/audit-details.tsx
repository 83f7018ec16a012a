import type { ComponentChildren } from "preact";
import { formatAmount, formatDateTime } from "../../lib/format";
import type { AuditEntry } from "../../lib/types";

type Money = { amount: string; currency: string } | null | undefined;
type Limits = {
  outgoingBudget?: Money;
  autoApproveUpTo?: Money;
  expiresAt?: string | null;
  extendOnUseSeconds?: number | null;
  createsPerMinute?: number | null;
};

const money = (m: Money) => (m ? `${formatAmount(m.amount)} ${m.currency}` : "none");

/** Each limit in words, in the order the client page lists them. */
const LIMITS: [keyof Limits, string, (l: Limits) => string][] = [
  ["outgoingBudget", "Budget", (l) => money(l.outgoingBudget)],
  ["autoApproveUpTo", "Approves automatically up to", (l) => money(l.autoApproveUpTo)],
  ["expiresAt", "Expires", (l) => (l.expiresAt ? formatDateTime(l.expiresAt) : "never")],
  ["extendOnUseSeconds", "Extends on use by", (l) => (l.extendOnUseSeconds ? `${l.extendOnUseSeconds} s` : "nothing")],
  ["createsPerMinute", "Creates per minute", (l) => String(l.createsPerMinute ?? 600)],
];

/** "Budget: 100.00 USD → 150.00 USD" for what changed; older entries (no `before`) list what was set. */
function limitChanges(details: Record<string, unknown>): string[] {
  const after = (details.limits ?? {}) as Limits;
  const before = details.before as Limits | undefined;
  return LIMITS.flatMap(([, label, words]) => {
    const now = words(after);
    if (!before) return [`${label}: ${now}`];
    const was = words(before);
    return was === now ? [] : [`${label}: ${was} → ${now}`];
  });
}

/** What an audit entry's details say, in words, or nothing worth a line. */
export function AuditDetails({ entry, client }: { entry: AuditEntry; client: (id: string) => ComponentChildren }) {
  const d = entry.details;
  let lines: ComponentChildren[] = [];
  if (entry.action === "client.limits_changed") lines = limitChanges(d);
  else if (entry.action === "client.secret_rotated" && typeof d.previousSecretExpiresAt === "string")
    lines = [`The old secret worked until ${formatDateTime(d.previousSecretExpiresAt)}`];
  else if (entry.action === "client.created" && Array.isArray(d.permissions)) lines = [`Permissions: ${d.permissions.join(", ")}`];
  const released = d.budgetReleasedAmount as Money;
  if (released && typeof d.budgetReleasedTo === "string")
    lines.push(
      <>
        {money(released)} back to the budget of {client(d.budgetReleasedTo)}
      </>,
    );
  if (typeof d.reason === "string") lines.push(`Reason: ${d.reason}`);
  if (lines.length === 0) return null;
  return (
    <ul class="audit-details">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
