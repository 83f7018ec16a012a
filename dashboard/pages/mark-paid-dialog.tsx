import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../components/busy-button";
import { Dialog } from "../components/dialog";
import { TextAreaField, TextField } from "../components/fields";
import { ProblemAlert, fieldError } from "../components/problem-alert";
import { api, toProblem } from "../lib/api";
import { isTxHash } from "../lib/erc20";
import type { RequestDetail } from "../lib/payment-types";
import type { Problem } from "../lib/types";
import { useFocusProblem } from "../lib/use-focus-problem";

interface Props {
  destinationId: string;
  request: { id: string; reference: string | null };
  /** A hash to start from: an unattributed payment being assigned. */
  txHash?: string;
  onClose: () => void;
  onMarked: (request: RequestDetail) => void;
  returnFocus?: () => HTMLElement | null | undefined;
}

function invalid(detail: string, path: string, message: string): Problem {
  return { type: "about:blank", title: "Check the form", status: 400, code: "client_error", detail, errors: [{ path, message }] };
}

/**
 * Declares a request paid: with a transaction hash Payrelay verifies it on-chain,
 * with only a note (bank rails) it is recorded as declared.
 */
export function MarkPaidDialog({ destinationId, request, txHash: given = "", onClose, onMarked, returnFocus }: Props) {
  const [txHash, setTxHash] = useState(given);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusProblem(problem, form);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const hash = txHash.trim();
    const text = note.trim();
    if (!hash && !text)
      return setProblem(invalid("Give a transaction hash or a note.", "txHash", "Enter the transaction hash, or a note below."));
    if (hash && !isTxHash(hash)) {
      return setProblem(
        invalid("Check the transaction hash.", "txHash", "The transaction hash must be 0x followed by 64 letters a–f and digits 0–9."),
      );
    }
    setBusy(true);
    setProblem(null);
    try {
      const body = { ...(hash ? { txHash: hash } : {}), ...(text ? { note: text } : {}) };
      onMarked(await api.post<RequestDetail>(`/api/destinations/${destinationId}/requests/${request.id}/mark-paid`, body));
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Mark ${request.reference || request.id} paid`} onClose={onClose} returnFocus={returnFocus}>
      <form ref={form} onSubmit={submit} noValidate>
        <ProblemAlert problem={problem} shownFields={["txHash", "note"]} />
        <TextField
          label="Transaction hash"
          optional
          class="mono"
          value={txHash}
          onValue={setTxHash}
          error={fieldError(problem, "txHash")}
          hint="Payrelay checks it on the destination's chain before counting it."
          autocomplete="off"
          spellcheck={false}
        />
        <TextAreaField
          label="Note"
          optional
          value={note}
          onValue={setNote}
          error={fieldError(problem, "note")}
          hint="For a payment outside the chain (a bank transfer): shown as declared, with this note, in the payments and timeline."
        />
        <div class="form-actions">
          <button type="button" class="btn btn-secondary" onClick={onClose}>
            Cancel
          </button>
          <BusyButton type="submit" class="btn btn-primary" busy={busy} busyText="Marking paid…">
            Mark paid
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
