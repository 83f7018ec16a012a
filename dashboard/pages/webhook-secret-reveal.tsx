import { useEffect, useRef } from "preact/hooks";
import { MonoValue } from "../components/mono-value";

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
  // The button that had focus may be gone; start reading at the warning.
  const ref = useRef<HTMLDivElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const value = useRef<HTMLDivElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => ref.current?.focus(), []);
  useEffect(() => {
    // Asking: focus the safe answer. Answered "keep": back to copying the secret.
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) value.current?.querySelector("button")?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    // autofocus: the Dialog (and showModal) start here, not on ×, even when this dialog replaced the form's.
    <div class="form" ref={ref} tabIndex={-1} autofocus data-testid="webhook-secret">
      {confirming ? (
        <div class="alert alert-warning" role="alert">
          <p class="alert-title">Close without storing the secret?</p>
          <p>Once this dialog is closed, the secret cannot be shown again. You would have to rotate it and update your receiver.</p>
          <div class="form-actions">
            <button type="button" class="btn btn-secondary" ref={keep} onClick={onKeep}>
              Keep the secret open
            </button>
            <button type="button" class="btn btn-danger" onClick={onDone}>
              Close and lose the secret
            </button>
          </div>
        </div>
      ) : (
        <div class="alert alert-warning" role="alert">
          <p class="alert-title">This signing secret will not be shown again.</p>
          <p>
            Verify every delivery with it (Standard Webhooks: <code class="mono">webhook-signature</code>).
            {rotated && " The previous secret keeps signing for 24 hours, so switch your receiver before then."}
          </p>
        </div>
      )}
      <div class="secret-block" ref={value}>
        <p class="secret-label">Signing secret</p>
        <MonoValue value={secret} label="signing secret" />
      </div>
      <div class="form-actions">
        <button type="button" class="btn btn-primary" onClick={onDone}>
          I have stored the secret
        </button>
      </div>
    </div>
  );
}
