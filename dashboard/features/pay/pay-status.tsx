import { MonoValue } from "../../components/mono-value";
import { formatAmount } from "../../lib/format";
import { amountDueOf, type PayLink } from "../../lib/pay-link";

export const PAY_STATUS_ID = "pay-status-title";

const COPY: Record<string, [title: string, body: string]> = {
  pending: ["Payment submitted", "Payrelay is checking your transaction. This page updates by itself."],
  processing: [
    "Payment processing",
    "Your transaction is waiting for network confirmations. This page updates by itself; you can also come back later.",
  ],
  partially_paid: ["Partially paid", ""],
  paid: ["Paid", "This request has been paid. Nothing more to do."],
  cancelled: ["Request cancelled", "The sender cancelled this request. Do not send money to it."],
  expired: ["Request expired", "This request is closed. Do not send money to it; ask the sender for a new one."],
};
const CLOSED: [string, string] = ["Request closed", "This request is closed. Do not send money to it."];

/** The page's one status heading: what the payer's money is doing now. Payments' hashes are listed with it. */
export function PayStatus({ link }: { link: PayLink }) {
  const [title, body] = COPY[link.status] ?? CLOSED;
  const symbol = link.pay.tokenSymbol;
  const payments = link.payments;
  return (
    <section class={`pay-state pay-state-${link.status}`} aria-labelledby={PAY_STATUS_ID} data-testid="pay-state">
      {/* Focus lands here after every action: the new state is what the payer needs to hear first. */}
      <h2 id={PAY_STATUS_ID} tabIndex={-1}>
        {title}
      </h2>
      {link.status === "partially_paid" ? (
        <p data-testid="amount-left">
          {formatAmount(link.amountPaid)} {link.currency} received;{" "}
          <strong>
            {formatAmount(amountDueOf(link))} {symbol}
          </strong>{" "}
          left to pay.
        </p>
      ) : (
        <p>{body}</p>
      )}
      {payments.length > 0 && (
        <ul class="pay-payments" aria-label="Your transactions">
          {payments.map((p) => (
            <li key={p.txHash}>
              <MonoValue value={p.txHash} label="transaction hash" truncate />{" "}
              <span class="muted">{p.status === "confirmed" ? "Confirmed" : p.status === "confirming" ? "Confirming" : p.status}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
