import type { ComponentChildren } from "preact";
import { DetailsList } from "../../components/details-list";
import { useRef, useState } from "preact/hooks";
import { MonoValue } from "../../components/mono-value";
import { StatusBadge } from "../../components/status-badge";
import { chainName } from "../../lib/chains";
import { formatAmount, formatDateTime } from "../../lib/format";
import { api } from "../../lib/api";
import { canMarkPaid, type RequestDetail, type RequestPayment } from "../../lib/payment-types";
import type { Destination } from "../../lib/types";
import { useResource } from "../../lib/use-resource";
import { MarkPaidDialog } from "./mark-paid-dialog";

function PaymentItem({ payment: p, currency, token }: { payment: RequestPayment; currency: string; token: string }) {
  // A transfer is counted in the token it moved; a declaration in the request's currency.
  const amount = (
    <span class="strong">
      {formatAmount(p.amount)} <span class="currency">{p.declared ? currency : token}</span>
    </span>
  );
  return (
    <li class="payment-item" data-testid="payment">
      <div class="payment-line">
        {amount} <StatusBadge status={p.declared ? "declared" : p.status} />
      </div>
      {p.declared && <p class="muted">Declared by you{p.note ? `: ${p.note}` : ""}</p>}
      {p.txHash && (
        <p class="muted" data-testid="payment-source">
          {p.detectedBy === "chain_watch" ? "Detected on-chain by Payrelay (nobody submitted it)" : "Submitted with its transaction hash"}
        </p>
      )}
      {p.txHash && <MonoValue value={p.txHash} label="transaction hash" truncate />}
      {p.from && (
        <p class="muted">
          From <MonoValue value={p.from} label="sender address" truncate copy={false} />
          {p.chainId !== null && ` on ${chainName(p.chainId)}`}
          {p.blockNumber !== null && `, block ${p.blockNumber}`}
          {p.confirmedAt && `, confirmed ${formatDateTime(p.confirmedAt)}`}
        </p>
      )}
    </li>
  );
}

type Props = { destinationId: string; request: RequestDetail; onChange: (next: RequestDetail) => void; canMark: boolean };

/** What was paid and how: amount paid, over-payment, refund due, lateness, each payment, and "Mark paid". */
export function RequestPayments({ destinationId, request: r, onChange, canMark }: Props) {
  const [open, setOpen] = useState(false);
  // Marked paid: the status is the news (and the button may be gone); cancelled: back to the button.
  const marked = useRef(false);
  const payments = r.payments;
  const destination = useResource(`destination:${destinationId}`, () => api.get<Destination>(`/api/destinations/${destinationId}`));
  const token = destination.data?.tokenSymbol ?? "";
  const markable = canMark && canMarkPaid(r);
  if (payments.length === 0 && !markable && r.amountPaid.replace(/[0.]/g, "") === "") return null;

  const money = (amount: string) => `${formatAmount(amount)} ${r.currency}`;
  const rows: [string, ComponentChildren][] = [["Amount paid", <span data-testid="amount-paid">{money(r.amountPaid)}</span>]];
  if (r.overpaidBy) rows.push(["Overpaid by", money(r.overpaidBy)]);
  if (r.refundDue) rows.push(["Refund due", <strong>{money(r.refundDue)}</strong>]);
  if (r.paidLate) rows.push(["Paid late", "Yes: the payment arrived after the request expired"]);

  return (
    <section class="card card-pad" aria-labelledby="payments-title">
      <div class="section-header">
        <h2 id="payments-title">Payments</h2>
        {markable && (
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() => {
              marked.current = false;
              setOpen(true);
            }}
          >
            Mark paid
          </button>
        )}
      </div>
      <DetailsList rows={rows} />
      {payments.length > 0 ? (
        <ul class="payment-list" aria-label="Payments received">
          {payments.map((p, i) => (
            <PaymentItem key={p.txHash ? `${p.txHash}-${p.logIndex}` : `declared-${i}`} payment={p} currency={r.currency} token={token} />
          ))}
        </ul>
      ) : (
        <p class="muted">No payments yet.</p>
      )}
      {open && (
        <MarkPaidDialog
          destinationId={destinationId}
          request={r}
          onClose={() => setOpen(false)}
          onMarked={(next) => {
            marked.current = true;
            setOpen(false);
            onChange(next);
          }}
          returnFocus={() => (marked.current ? document.getElementById("request-status") : null)}
        />
      )}
    </section>
  );
}
