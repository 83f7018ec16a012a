import { useRef, useState } from "preact/hooks";
import { allowedActions } from "../../src/lifecycle/transitions";
import { BusyButton } from "../components/busy-button";
import { TextField } from "../components/fields";
import { ProblemAlert } from "../components/problem-alert";
import { api, toProblem } from "../lib/api";
import type { PaymentRequest, Problem } from "../lib/types";
import { useFocusProblem } from "../lib/use-focus-problem";

type Action = "approve" | "reject" | "cancel";
const BUSY: Record<Action, string> = { approve: "Approving…", reject: "Rejecting…", cancel: "Cancelling…" };

/** `onDone` gets the request as the API answered; the page shows it and moves focus to its status. */
type Props = { destinationId: string; request: PaymentRequest; onDone: (r: PaymentRequest) => void };

/**
 * The recipient's lifecycle actions this request allows now, read from the
 * same transitions table the API enforces (so no button offers a 409).
 */
export function RequestActions({ destinationId, request, onDone }: Props) {
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState<Action | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const panel = useRef<HTMLElement>(null);
  useFocusProblem(problem, panel);
  const allowed = allowedActions(request.direction, request.status).filter((a): a is Action => a !== "expire");
  if (allowed.length === 0) return null;

  const run = async (action: Action) => {
    if (busy) return;
    setBusy(action);
    setProblem(null);
    try {
      const body = action !== "approve" && reason.trim() ? { reason: reason.trim() } : undefined;
      const next = await api.post<PaymentRequest>(`/api/destinations/${destinationId}/requests/${request.id}/${action}`, body);
      setReason("");
      onDone(next);
    } catch (error) {
      setProblem(toProblem(error));
    }
    setBusy(null);
  };

  const decides = allowed.includes("approve") || allowed.includes("reject");
  return (
    <section class="card card-pad" aria-labelledby="actions-title" ref={panel}>
      <h2 id="actions-title">{decides ? "Approve or reject" : "Actions"}</h2>
      <ProblemAlert problem={problem} />
      {allowed.some((a) => a !== "approve") && (
        <TextField
          label="Reason"
          optional
          value={reason}
          onValue={setReason}
          maxLength={500}
          hint="Recorded in the timeline with a rejection or cancellation."
        />
      )}
      <div class="button-row">
        {allowed.includes("approve") && (
          <BusyButton class="btn btn-primary" busy={busy === "approve"} busyText={BUSY.approve} onClick={() => void run("approve")}>
            Approve
          </BusyButton>
        )}
        {allowed.includes("reject") && (
          <BusyButton class="btn btn-danger" busy={busy === "reject"} busyText={BUSY.reject} onClick={() => void run("reject")}>
            Reject
          </BusyButton>
        )}
        {allowed.includes("cancel") && (
          <BusyButton class="btn btn-secondary" busy={busy === "cancel"} busyText={BUSY.cancel} onClick={() => void run("cancel")}>
            Cancel request
          </BusyButton>
        )}
      </div>
    </section>
  );
}
