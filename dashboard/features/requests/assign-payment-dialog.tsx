import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { Dialog } from "../../components/dialog";
import { SelectField } from "../../components/fields";
import { ProblemAlert } from "../../components/problem-alert";
import { api } from "../../lib/api";
import { formatAmount } from "../../lib/format";
import type { RequestDetail, UnattributedPayment } from "../../lib/payment-types";
import type { Page, PaymentRequest } from "../../lib/types";
import { useSubmit } from "../../lib/use-submit";
import { useResource } from "../../lib/use-resource";

// The statuses mark-paid accepts (canMarkPaid), one list call each: the list endpoint filters by one status.
const OPEN = ["pending", "partially_paid", "approved"] as const;

interface Props {
  destinationId: string;
  payment: UnattributedPayment;
  currency: string;
  onClose: () => void;
  onAssigned: (request: RequestDetail) => void;
  returnFocus?: () => HTMLElement | null | undefined;
}

const label = (r: PaymentRequest) =>
  `${r.reference || r.id} · ${formatAmount(r.amount)} ${r.currency} · ${r.direction === "incoming" ? "incoming" : "outgoing"}`;

/** Ties a transfer nobody claimed to one open request: mark-paid with its hash, which Payrelay verifies again. */
export function AssignPaymentDialog({ destinationId, payment, currency, onClose, onAssigned, returnFocus }: Props) {
  const base = `/api/destinations/${destinationId}/requests`;
  const open = useResource(`open:${destinationId}`, async () => {
    const pages = await Promise.all(OPEN.map((s) => api.get<Page<PaymentRequest>>(`${base}?status=${s}&limit=100`)));
    return pages.flatMap((p) => p.data);
  });
  const [chosen, setChosen] = useState("");
  const form = useRef<HTMLFormElement>(null);
  const requests = open.data ?? [];
  const target = chosen || requests[0]?.id || "";

  const { submit, busy, problem } = useSubmit(form, async () => {
    if (!target) return;
    onAssigned(await api.post<RequestDetail>(`${base}/${target}/mark-paid`, { txHash: payment.txHash }));
  });

  return (
    <Dialog title={`Assign ${formatAmount(payment.amount)} ${currency} to a request`} onClose={onClose} returnFocus={returnFocus}>
      <form ref={form} onSubmit={submit}>
        <ProblemAlert problem={problem ?? open.problem} />
        {open.loading && !open.data ? (
          <p class="loading">Loading open requests…</p>
        ) : requests.length === 0 ? (
          <p class="muted">No request is waiting for a payment: create one first, then assign this payment to it.</p>
        ) : (
          <SelectField
            label="Request"
            value={target}
            onValue={setChosen}
            options={requests.map((r) => ({ value: r.id, label: label(r) }))}
            hint="Payrelay checks the transaction again and records it as this request's payment."
          />
        )}
        <div class="form-actions">
          <button type="button" class="btn btn-secondary" onClick={onClose}>
            Cancel
          </button>
          {requests.length > 0 && (
            <BusyButton type="submit" class="btn btn-primary" busy={busy} busyText="Assigning…">
              Assign payment
            </BusyButton>
          )}
        </div>
      </form>
    </Dialog>
  );
}
