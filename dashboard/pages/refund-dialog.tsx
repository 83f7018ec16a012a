import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../components/busy-button";
import { Dialog } from "../components/dialog";
import { TextAreaField, TextField } from "../components/fields";
import { ProblemAlert, fieldError } from "../components/problem-alert";
import { api, toProblem } from "../lib/api";
import { isTxHash } from "../lib/erc20";
import { formatAmount } from "../lib/format";
import type { RequestDetail } from "../lib/payment-types";
import type { Problem } from "../lib/types";
import { useFocusProblem } from "../lib/use-focus-problem";

interface Props {
  destinationId: string;
  request: RequestDetail;
  onClose: () => void;
  /** The request as it reads after the refund (read again: the route answers the refund only). */
  onRefunded: (request: RequestDetail) => void;
  returnFocus?: () => HTMLElement | null | undefined;
}

function invalid(detail: string, path: string, message: string): Problem {
  return { type: "about:blank", title: "Check the form", status: 400, code: "client_error", detail, errors: [{ path, message }] };
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
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusProblem(problem, form);
  const url = `/api/destinations/${destinationId}/requests/${r.id}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const hash = txHash.trim();
    const text = note.trim();
    if (!amount.trim()) return setProblem(invalid("Enter the amount refunded.", "amount", "Enter the amount you sent back, e.g. 2.50."));
    if (!hash && !text)
      return setProblem(invalid("Give a transaction hash or a note.", "txHash", "Enter the refund's transaction hash, or a note below."));
    if (hash && !isTxHash(hash))
      return setProblem(
        invalid("Check the transaction hash.", "txHash", "The transaction hash must be 0x followed by 64 letters a–f and digits 0–9."),
      );
    setBusy(true);
    setProblem(null);
    try {
      const body = { amount: amount.trim(), ...(hash ? { txHash: hash } : {}), ...(text ? { note: text } : {}) };
      await api.post(`${url}/refunds`, body);
      onRefunded(await api.get<RequestDetail>(url));
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
    }
  };

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
        <TextField
          label="Transaction hash"
          optional
          class="mono"
          value={txHash}
          onValue={setTxHash}
          error={fieldError(problem, "txHash")}
          hint="Payrelay checks it on the destination's chain: a transfer of its token from its wallet to a payer's wallet, for this amount."
          autocomplete="off"
          spellcheck={false}
        />
        <TextAreaField
          label="Note"
          optional
          value={note}
          onValue={setNote}
          error={fieldError(problem, "note")}
          hint="For a refund outside the chain (a bank transfer): recorded on your word, with this note."
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
