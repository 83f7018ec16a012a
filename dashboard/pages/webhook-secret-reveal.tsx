import { useEffect, useRef } from "preact/hooks";
import { MonoValue } from "../components/mono-value";

/** The one time an endpoint's signing secret is on screen (after adding it, or rotating). */
export function WebhookSecretReveal({ secret, rotated, onDone }: { secret: string; rotated: boolean; onDone: () => void }) {
  // The button that had focus may be gone; start reading at the warning.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="form" ref={ref} tabIndex={-1} data-testid="webhook-secret">
      <div class="alert alert-warning" role="alert">
        <p class="alert-title">This signing secret will not be shown again.</p>
        <p>
          Verify every delivery with it (Standard Webhooks: <code class="mono">webhook-signature</code>).
          {rotated && " The previous secret keeps signing for 24 hours, so switch your receiver before then."}
        </p>
      </div>
      <div class="secret-block">
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
