import { useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { CopyButton } from "../../components/copy-button";
import { TextAreaField } from "../../components/fields";

interface Props {
  message: string;
  disabled: boolean;
  busy: boolean;
  error?: string;
  open: boolean;
  onSubmit: (signature: string) => void;
}

/** Claiming without a browser wallet: the exact message, how to sign it, and where to paste the result. */
export function PasteSignature({ message, disabled, busy, error, open, onSubmit }: Props) {
  const [signature, setSignature] = useState("");
  const submit = (event: Event) => {
    event.preventDefault();
    onSubmit(signature.trim());
  };
  return (
    <details class="claim-option" open={open}>
      <summary>Sign elsewhere and paste the signature</summary>
      <ol class="steps">
        <li>
          Open any wallet or tool that can sign a message (EIP-191 <code>personal_sign</code>) with the wallet above, for example your
          wallet's “Sign message” screen, or Foundry: <code>cast wallet sign --interactive "…"</code>.
        </li>
        <li>
          Sign exactly this text, including line breaks:
          <div class="message-box">
            <pre class="mono" data-testid="claim-message">
              {message || "Get a new message first."}
            </pre>
            {message && <CopyButton value={message} label="message to sign" />}
          </div>
        </li>
        <li>Paste the signature: 0x followed by 130 hexadecimal characters.</li>
      </ol>
      <form onSubmit={submit} noValidate>
        <TextAreaField label="Signature" value={signature} onValue={setSignature} placeholder="0x…" rows={3} error={error} />
        <BusyButton type="submit" class="btn btn-primary" busy={busy} unavailable={disabled} busyText="Checking…">
          Claim with this signature
        </BusyButton>
      </form>
    </details>
  );
}
