import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { Dialog } from "../../components/dialog";
import { ProblemAlert } from "../../components/problem-alert";
import { TransferProofFields, proofBody, proofProblem } from "../../components/transfer-proof";
import { api } from "../../lib/api";
import type { RequestDetail } from "../../lib/payment-types";
import { useSubmit } from "../../lib/use-submit";

interface Props {
  destinationId: string;
  request: { id: string; reference: string | null };
  /** A hash to start from: an unattributed payment being assigned. */
  txHash?: string;
  onClose: () => void;
  onMarked: (request: RequestDetail) => void;
  returnFocus?: () => HTMLElement | null | undefined;
}

/**
 * Declares a request paid: with a transaction hash Payrelay verifies it on-chain,
 * with only a note (bank rails) it is recorded as declared.
 */
export function MarkPaidDialog({ destinationId, request, txHash: given = "", onClose, onMarked, returnFocus }: Props) {
  const [txHash, setTxHash] = useState(given);
  const [note, setNote] = useState("");
  const form = useRef<HTMLFormElement>(null);

  const { submit, busy, problem } = useSubmit(
    form,
    async () =>
      onMarked(
        await api.post<RequestDetail>(
          `/api/destinations/${destinationId}/requests/${request.id}/mark-paid`,
          proofBody(txHash.trim(), note.trim()),
        ),
      ),
    () => proofProblem(txHash.trim(), note.trim(), "Enter the transaction hash, or a note below."),
  );

  return (
    <Dialog title={`Mark ${request.reference || request.id} paid`} onClose={onClose} returnFocus={returnFocus}>
      <form ref={form} onSubmit={submit} noValidate>
        <ProblemAlert problem={problem} shownFields={["txHash", "note"]} />
        <TransferProofFields
          txHash={txHash}
          onTxHash={setTxHash}
          note={note}
          onNote={setNote}
          problem={problem}
          hashHint="Payrelay checks it on the destination's chain before counting it."
          noteHint="For a payment outside the chain (a bank transfer): shown as declared, with this note, in the payments and timeline."
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
