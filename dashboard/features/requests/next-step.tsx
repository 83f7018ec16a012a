import { formatAmount } from "../../lib/format";
import type { PaymentRequest } from "../../lib/types";

/** Who is on the other side of a request, by name when the request has one. */
export function counterparty(r: PaymentRequest): string {
  const party = r.direction === "incoming" ? r.payer : r.payee;
  return party?.name || (r.direction === "incoming" ? "the payer" : "the payee");
}

/** Where the money goes, in the words a person pays with: a bank account or a wallet. */
function account(r: PaymentRequest): string {
  const p = r.payee;
  if (p?.sortCode && p.accountNumber) return ` (sort code ${p.sortCode.replace(/(\d\d)(?=\d)/g, "$1-")}, account ${p.accountNumber})`;
  if (p?.walletAddress) return ` (wallet ${p.walletAddress})`;
  return "";
}

/** After approval, who moves the money next; null where nothing waits on the recipient. */
export function nextStepText(r: PaymentRequest): string | null {
  if (r.direction !== "outgoing" || r.status !== "approved") return null;
  return `Next: you send ${formatAmount(r.amount)} ${r.currency} to ${counterparty(r)}${account(r)} yourself; Payrelay does not move the money. Then mark it paid below.`;
}

/** The line under an approved request's status that says who sends the money. */
export function NextStep({ request }: { request: PaymentRequest }) {
  const text = nextStepText(request);
  return text ? (
    <p class="next-step" data-testid="next-step">
      {text}
    </p>
  ) : null;
}
