import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { MonoValue } from "../components/mono-value";
import type { CreatedClient } from "../lib/types";

interface Props {
  client: CreatedClient;
  onDone: () => void;
  /** Escape or × was pressed: ask before the secret is gone for good. */
  confirming: boolean;
  onKeep: () => void;
  /** What else to know about this secret (a rotation: when the previous one stops). */
  note?: ComponentChildren;
}

/** The one and only time a client secret is on screen. */
export function SecretReveal({ client, onDone, confirming, onKeep, note }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const secret = useRef<HTMLDivElement>(null);
  const wasConfirming = useRef(false);
  // The form that had focus is gone; start reading at the warning.
  useEffect(() => ref.current?.focus(), []);
  useEffect(() => {
    // Asking: focus the safe answer. Answered "keep": back to copying the secret.
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) secret.current?.querySelector("button")?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <div class="form" ref={ref} tabIndex={-1}>
      {confirming ? (
        <div class="alert alert-warning" role="alert">
          <p class="alert-title">Close without storing the secret?</p>
          <p>Once this dialog is closed, the secret cannot be shown again. You would have to revoke this client ID and create a new one.</p>
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
          <p class="alert-title">This secret will not be shown again.</p>
          <p>
            Copy it into your orchestrator's secret store now. Payrelay keeps only a hash of it; if you lose it, revoke this client ID and
            create a new one.
          </p>
        </div>
      )}
      {note}
      <div class="secret-block">
        <p class="secret-label">Client ID</p>
        <MonoValue value={client.id} label="client ID" />
      </div>
      <div class="secret-block" ref={secret}>
        <p class="secret-label">Client secret</p>
        <MonoValue value={client.secret} label="client secret" />
      </div>
      <p class="muted">
        The orchestrator sends it as <code class="mono">Authorization: Bearer {"<secret>"}</code> to{" "}
        <code class="mono">/v1/destinations/…/requests</code>.
      </p>
      <div class="form-actions">
        <button type="button" class="btn btn-primary" onClick={onDone}>
          I have stored the secret
        </button>
      </div>
    </div>
  );
}
