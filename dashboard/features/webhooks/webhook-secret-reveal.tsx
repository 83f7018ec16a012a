import { MonoValue } from "../../components/mono-value";
import { OneTimeSecret } from "../../components/one-time-secret";

interface Props {
  secret: string;
  rotated: boolean;
  onDone: () => void;
  /** Escape or × was pressed: ask before the secret is gone for good. */
  confirming: boolean;
  onKeep: () => void;
}

/** The one time an endpoint's signing secret is on screen (after adding it, or rotating). */
export function WebhookSecretReveal({ secret, rotated, onDone, confirming, onKeep }: Props) {
  return (
    // autofocus: the Dialog (and showModal) start here, not on ×, even when this dialog replaced the form's.
    <OneTimeSecret
      title="This signing secret will not be shown again."
      warning={
        <>
          Verify every delivery with it (Standard Webhooks: <code class="mono">webhook-signature</code>).
          {rotated && " The previous secret keeps signing for 24 hours, so switch your receiver before then."}
        </>
      }
      ifLost="You would have to rotate it and update your receiver."
      onDone={onDone}
      confirming={confirming}
      onKeep={onKeep}
      autofocus
      testId="webhook-secret"
    >
      <div class="secret-block" data-secret>
        <p class="secret-label">Signing secret</p>
        <MonoValue value={secret} label="signing secret" />
      </div>
    </OneTimeSecret>
  );
}
