import { useRef, useState } from "preact/hooks";
import { MonoValue } from "../../components/mono-value";
import { ProblemAlert } from "../../components/problem-alert";
import { ShortTime } from "../../components/short-time";
import { StatusBadge } from "../../components/status-badge";
import { announce } from "../../lib/announce";
import { api, toProblem } from "../../lib/api";
import { formatAmount } from "../../lib/format";
import type { RequestDetail, UnattributedPayment } from "../../lib/payment-types";
import type { Destination, Problem } from "../../lib/types";
import { can } from "../../lib/roles";
import { useResource } from "../../lib/use-resource";
import { AssignPaymentDialog } from "./assign-payment-dialog";

const key = (p: UnattributedPayment) => p.id;

/**
 * Transfers to this destination's wallet that no request claimed (no reference, signature or known
 * payer). Shown only when there are some: each can be assigned to a request.
 */
export function UnattributedPayments({ destination }: { destination: Destination }) {
  const url = `/api/destinations/${destination.id}/unattributed-payments`;
  const res = useResource(url, () => api.get<{ data: UnattributedPayment[] }>(url));
  const [assigning, setAssigning] = useState<UnattributedPayment | null>(null);
  const [quick, setQuick] = useState<{ id: string; problem: Problem | null } | null>(null);
  // After an assignment its row (and the button that opened the dialog) is gone: focus goes to the section, else the requests.
  const assigned = useRef(false);
  const items = res.data?.data ?? [];
  if (items.length === 0 && !res.problem) return null;
  const currency = destination.tokenSymbol ?? "";
  const admin = can(destination, "admin");

  const done = (p: UnattributedPayment, request: RequestDetail) => {
    res.set({ data: items.filter((x) => key(x) !== key(p)) });
    announce(`Payment assigned to ${request.reference || request.id}. Status: ${request.status.replace(/_/g, " ")}.`);
  };
  // The suggestion in one step: mark-paid with the hash, which the server verifies and audits like any other.
  const assignSuggested = async (p: UnattributedPayment) => {
    if (!p.suggestedRequestId || quick) return;
    setQuick({ id: p.id, problem: null });
    try {
      const url = `/api/destinations/${destination.id}/requests/${p.suggestedRequestId}/mark-paid`;
      done(p, await api.post<RequestDetail>(url, { txHash: p.txHash }));
      setQuick(null);
    } catch (error) {
      setQuick({ id: p.id, problem: toProblem(error) });
    }
  };

  return (
    <section class="card card-pad unattributed" aria-labelledby="unattributed-title">
      <h2 id="unattributed-title">Unattributed payments</h2>
      <p class="muted">Transfers to this destination that Payrelay could not tie to a request. Assign each to the request it pays.</p>
      <ProblemAlert problem={res.problem} />
      <ul class="payment-list">
        {items.map((p) => (
          <li key={key(p)} class="payment-item" data-testid="unattributed-payment">
            <div class="payment-line">
              <span class="strong">
                {formatAmount(p.amount)} <span class="currency">{currency}</span>
              </span>
              <ShortTime iso={p.createdAt} /> <StatusBadge status={p.status} />
            </div>
            <MonoValue value={p.txHash} label="transaction hash" truncate />
            <p class="muted">
              From <MonoValue value={p.from} label="sender address" truncate copy={false} />
            </p>
            {quick?.id === p.id && <ProblemAlert problem={quick.problem} />}
            {admin && (
              <div class="form-actions">
                {p.suggestedRequestId && (
                  <button
                    type="button"
                    class="btn btn-primary btn-sm"
                    data-testid="assign-suggested"
                    disabled={quick !== null}
                    onClick={() => void assignSuggested(p)}
                  >
                    Assign to {p.suggestedRequestId}
                  </button>
                )}
                <button
                  type="button"
                  class="btn btn-secondary btn-sm"
                  data-key={key(p)}
                  onClick={() => {
                    assigned.current = false;
                    setAssigning(p);
                  }}
                >
                  Assign to a request
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {assigning && (
        <AssignPaymentDialog
          destinationId={destination.id}
          payment={assigning}
          currency={currency}
          onClose={() => setAssigning(null)}
          returnFocus={() =>
            assigned.current ? (document.getElementById("unattributed-title") ?? document.getElementById("requests-title")) : null
          }
          onAssigned={(request) => {
            assigned.current = true;
            setAssigning(null);
            done(assigning, request);
          }}
        />
      )}
    </section>
  );
}
