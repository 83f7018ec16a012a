import { useRef, useState } from "preact/hooks";
import { MonoValue } from "../../components/mono-value";
import { chainName } from "../../lib/chains";
import { formatAmount, formatDateTime } from "../../lib/format";
import type { RequestDetail } from "../../lib/payment-types";
import { RefundDialog } from "./refund-dialog";

type Props = { destinationId: string; request: RequestDetail; canRefund: boolean; onChange: (next: RequestDetail) => void };

/** Money sent back: each refund, and "Refund…" while something is owed back (refundDue) or overpaid (overpaidBy). */
export function RequestRefunds({ destinationId, request: r, canRefund, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const refunded = useRef(false);
  // A viewer sees the refunds, and no action (hidden rather than left to fail).
  const owed = canRefund && Boolean(r.refundDue || r.overpaidBy);
  if (r.refunds.length === 0 && !owed) return null;
  const money = (amount: string) => `${formatAmount(amount)} ${r.currency}`;

  return (
    <section class="card card-pad" aria-labelledby="refunds-title">
      <div class="section-header">
        <h2 id="refunds-title" tabIndex={-1}>
          Refunds
        </h2>
        {owed && (
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() => {
              refunded.current = false;
              setOpen(true);
            }}
          >
            Refund…
          </button>
        )}
      </div>
      {r.refunded && (
        <p>
          Refunded so far: <strong data-testid="refunded">{money(r.refunded)}</strong>
        </p>
      )}
      {r.refunds.length > 0 ? (
        <ul class="payment-list" aria-label="Refunds sent back">
          {r.refunds.map((f) => (
            <li key={f.id} class="payment-item" data-testid="refund">
              <div class="payment-line">
                <span class="strong">{money(f.amount)}</span>
              </div>
              <p class="muted">
                {f.txHash ? "Verified on-chain" : "Recorded on your word"}, {formatDateTime(f.createdAt)}
                {f.note ? `: ${f.note}` : ""}
              </p>
              {f.txHash && <MonoValue value={f.txHash} label="refund transaction hash" truncate />}
              {f.to && (
                <p class="muted">
                  To <MonoValue value={f.to} label="payer address" truncate copy={false} />
                  {f.chainId !== null && ` on ${chainName(f.chainId)}`}
                </p>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">Nothing refunded yet.</p>
      )}
      {open && (
        <RefundDialog
          destinationId={destinationId}
          request={r}
          onClose={() => setOpen(false)}
          onRefunded={(next) => {
            refunded.current = true;
            setOpen(false);
            onChange(next);
          }}
          // After a refund the section's heading: the list and totals below it are what changed (the button may be gone).
          returnFocus={() => (refunded.current ? document.getElementById("refunds-title") : null)}
        />
      )}
    </section>
  );
}
