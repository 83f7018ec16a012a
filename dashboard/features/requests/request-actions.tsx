import { useRef, useState } from "preact/hooks";
import { allowedActions } from "../../../src/requests/transitions";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { TextField } from "../../components/fields";
import { Link } from "../../components/link";
import { BusyButton } from "../../components/busy-button";
import { ProblemAlert } from "../../components/problem-alert";
import { api, toProblem } from "../../lib/api";
import { formatAmount } from "../../lib/format";
import type { PaymentRequest, Problem } from "../../lib/types";
import { useFocusProblem } from "../../lib/use-focus-problem";
import { useClients } from "../../lib/use-clients";
import { counterparty } from "./next-step";

type Ending = "reject" | "cancel";

/** `onDone` gets the request as the API answered; the page shows it and moves focus to its status. */
type Props = { destinationId: string; request: PaymentRequest; onDone: (r: PaymentRequest, action: Ending | "approve") => void };

/** "Acme billing: 90 of 100 USDC left.": what approving spends from, for a client's outgoing request. */
function BudgetLine({ destinationId, request: r }: { destinationId: string; request: PaymentRequest }) {
  const by = r.createdBy;
  const clients = useClients(destinationId);
  if (by.type !== "client") return <p data-testid="budget-line">Created by you by hand: no client budget applies.</p>;
  const c = clients.data?.data.find((x) => x.id === by.clientId);
  const name = <Link href={`/destinations/${destinationId}/clients/${by.clientId}`}>{by.clientName}</Link>;
  if (!c) return clients.loading ? <p class="loading">Loading the budget of {by.clientName}…</p> : null;
  const budget = c.limits.outgoingBudget;
  return (
    <p data-testid="budget-line">
      {name}:{" "}
      {budget && c.remaining !== null ? (
        <>
          <strong>
            {formatAmount(c.remaining)} of {formatAmount(budget.amount)} {budget.currency} left
          </strong>
          , this request's share already counted.
        </>
      ) : (
        "no outgoing budget, so only your approval limits it."
      )}
    </p>
  );
}

/**
 * The recipient's lifecycle actions this request allows now, read from the
 * same transitions table the API enforces (so no button offers a 409). Reject
 * and cancel cannot be undone: each asks first in the Revoke dialog's pattern,
 * naming the amount and the counterparty, and takes the reason there.
 */
export function RequestActions({ destinationId, request, onDone }: Props) {
  const [asking, setAsking] = useState<Ending | null>(null);
  const [reason, setReason] = useState("");
  const [approving, setApproving] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const panel = useRef<HTMLElement>(null);
  useFocusProblem(problem, panel);
  // Once the request moved, focus belongs on its new status, not on the button that opened the dialog.
  const done = useRef(false);
  const allowed = allowedActions(request.direction, request.status);
  const decides = allowed.includes("approve");
  if (!decides && !allowed.includes("cancel")) return null;

  const post = (action: Ending | "approve", body?: { reason: string }) =>
    api.post<PaymentRequest>(`/api/destinations/${destinationId}/requests/${request.id}/${action}`, body);
  const approve = async () => {
    if (approving) return;
    setApproving(true);
    setProblem(null);
    try {
      onDone(await post("approve"), "approve");
    } catch (error) {
      setProblem(toProblem(error));
    }
    setApproving(false);
  };
  const end = async (action: Ending) => {
    const next = await post(action, reason.trim() ? { reason: reason.trim() } : undefined);
    done.current = true;
    setAsking(null);
    setReason("");
    onDone(next, action);
  };

  const open = (action: Ending) => {
    done.current = false;
    setAsking(action);
  };

  const money = `${formatAmount(request.amount)} ${request.currency}`;
  const who = counterparty(request);
  const incoming = request.direction === "incoming";
  return (
    <section class="card card-pad" aria-labelledby="actions-title" ref={panel}>
      <h2 id="actions-title">{decides ? "Needs your approval" : "Cancel this request"}</h2>
      <ProblemAlert problem={problem} />
      {decides ? (
        <>
          <p>
            Approving lets this payment go ahead: you then send {money} to {who} yourself and mark it paid here.
          </p>
          <BudgetLine destinationId={destinationId} request={request} />
        </>
      ) : (
        <p class="muted">{incoming ? "If the payer should no longer pay." : "If you will not send this payment after all."}</p>
      )}
      <div class="button-row">
        {decides && (
          <BusyButton class="btn btn-primary" busy={approving} busyText="Approving…" onClick={() => void approve()}>
            Approve
          </BusyButton>
        )}
        {allowed.includes("reject") && (
          <button type="button" class="btn btn-danger" onClick={() => open("reject")}>
            Reject…
          </button>
        )}
        {allowed.includes("cancel") && (
          <button type="button" class="btn btn-secondary" onClick={() => open("cancel")}>
            Cancel request…
          </button>
        )}
      </div>
      {asking && (
        <ConfirmDialog
          title={asking === "reject" ? `Reject ${money} to ${who}?` : `Cancel the request for ${money} ${incoming ? "from" : "to"} ${who}?`}
          keepLabel={asking === "reject" ? "Keep it waiting" : "Keep the request"}
          confirmLabel={asking === "reject" ? "Reject request" : "Cancel request"}
          busyText={asking === "reject" ? "Rejecting…" : "Cancelling…"}
          onConfirm={() => end(asking)}
          onClose={() => setAsking(null)}
          returnFocus={() => (done.current ? document.getElementById("request-status") : null)}
        >
          <p>This cannot be undone. From now on:</p>
          <ul class="consequences">
            <li>
              <strong>It ends as {asking === "reject" ? "Rejected" : "Cancelled"}</strong>, and nothing can move it again.
            </li>
            {incoming ? (
              <li>
                <strong>Its payment page says it is cancelled.</strong> A payment that still arrives is recorded as a refund you owe.
              </li>
            ) : (
              <li>
                <strong>You do not pay {who}.</strong>
                {request.createdBy.type === "client" && ` Whatever it reserved of ${request.createdBy.clientName}'s budget is given back.`}
              </li>
            )}
            {request.createdBy.type === "client" && (
              <li>
                <strong>{request.createdBy.clientName} is told</strong> through its webhooks, with your reason.
              </li>
            )}
          </ul>
          <TextField
            label="Reason"
            optional
            value={reason}
            onValue={setReason}
            maxLength={500}
            hint="Recorded in the timeline and sent with the webhook."
          />
        </ConfirmDialog>
      )}
    </section>
  );
}
