import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { Dialog } from "../../components/dialog";
import { TextField } from "../../components/fields";
import { ProblemAlert, fieldError } from "../../components/problem-alert";
import { TransferProofFields, proofBody, proofProblem } from "../../components/transfer-proof";
import { api } from "../../lib/api";
import { formatAmount } from "../../lib/format";
import type { RequestDetail } from "../../lib/payment-types";
import { invalid, useSubmit } from "../../lib/use-submit";

interface Props {
  destinationId: string;
  request: RequestDetail;
  onClose: () => void;
  /** The request as it reads after the refund (read again: the route answers the refund only). */
  onRefunded: (request: RequestDetail) => void;
  returnFocus?: () => HTMLElement | null | undefined;
}

/**
 * Records money sent back to a payer: with the refund's transaction hash Payrelay checks it on-chain (from
 * this destination's wallet to a wallet that paid the request); with only a note it takes the recipient's word.
 */
export function RefundDialog({ destinationId, request: r, onClose, onRefunded, returnFocus }: Props) {
  const owed = r.refundDue ?? r.overpaidBy ?? "";
  const [amount, setAmount] = useState(owed ? formatAmount(owed) : "");
  const [txHash, setTxHash] = useState("");
  const [note, setNote] = useState("");
  const form = useRef<HTMLFormElement>(null);
  const url = `/api/destinations/${destinationId}/requests/${r.id}`;

  const { submit, busy, problem } = useSubmit(
    form,
    async () => {
      await api.post(`${url}/refunds`, { amount: amount.trim(), ...proofBody(txHash.trim(), note.trim()) });
      onRefunded(await api.get<RequestDetail>(url));
    },
    () =>
      amount.trim()
        ? proofProblem(txHash.trim(), note.trim(), "Enter the refund's transaction hash, or a note below.")
        : invalid("Enter the amount refunded.", "amount", "Enter the amount you sent back, e.g. 2.50."),
  );

  return (
    <Dialog title={`Refund ${r.reference || r.id}`} onClose={onClose} returnFocus={returnFocus}>
      <form ref={form} onSubmit={submit} noValidate>
        <ProblemAlert problem={problem} shownFields={["amount", "txHash", "note"]} />
        <p class="muted">
          Send the money back from this destination's wallet to the wallet that paid, then record it here.{" "}
          {owed && `Still owed back: ${formatAmount(owed)} ${r.currency}.`}
        </p>
        <TextField
          label={`Amount (${r.currency})`}
          inputMode="decimal"
          value={amount}
          onValue={setAmount}
          autocomplete="off"
          error={fieldError(problem, "amount")}
          hint="At most what was paid, less earlier refunds."
        />
        <TransferProofFields
          txHash={txHash}
          onTxHash={setTxHash}
          note={note}
          onNote={setNote}
          problem={problem}
          hashHint="Payrelay checks it on the destination's chain: a transfer of its token from its wallet to a payer's wallet, for this amount."
          noteHint="For a refund outside the chain (a bank transfer): recorded on your word, with this note."
        />
        <div class="form-actions">
          <button type="button" class="btn btn-secondary" onClick={onClose}>
            Cancel
          </button>
          <BusyButton type="submit" class="btn btn-primary" busy={busy} busyText="Recording refund…">
            Record refund
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
