import { formatAmount } from "../../lib/format";
import type { Client } from "../../lib/types";

/** Hundredths of a percent of `part` in `whole`, from decimal strings without a float touching the money. */
function share(part: string, whole: string): number {
  const [p, w] = [part, whole].map((x) => BigInt(x.replace(".", "")));
  if (!w || w <= 0n) return 0;
  const s = Number(((p ?? 0n) * 10_000n) / w);
  return Math.max(0, Math.min(10_000, s));
}

/** The outgoing budget as a bar and, for everyone, as words: spent, remaining, of what. */
export function BudgetBar({ client }: { client: Client }) {
  const budget = client.limits.outgoingBudget;
  if (!budget || client.spent === null || client.remaining === null) {
    return <p class="muted">No outgoing budget: this client ID's outgoing requests are not limited by amount.</p>;
  }
  const percent = share(client.spent, budget.amount) / 100;
  return (
    <div class="budget">
      <p class="budget-text" id="budget-text">
        <strong>
          {formatAmount(client.spent)} {budget.currency}
        </strong>{" "}
        spent or reserved of {formatAmount(budget.amount)} {budget.currency};{" "}
        <strong>
          {formatAmount(client.remaining)} {budget.currency}
        </strong>{" "}
        remaining.
      </p>
      {/* The words above say it all; the bar repeats them for the eye, so it is hidden from screen readers. */}
      <div class="budget-bar" aria-hidden="true">
        <div class={`budget-fill${percent >= 90 ? " budget-fill-high" : ""}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
