import { useEffect, useRef } from "preact/hooks";
import { MonoValue } from "../components/mono-value";
import type { CreatedClient } from "../lib/types";

/** The one and only time a client secret is on screen. */
export function SecretReveal({ client, onDone }: { client: CreatedClient; onDone: () => void }) {
  // The form that had focus is gone; start reading at the warning.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="form" ref={ref} tabIndex={-1}>
      <div class="alert alert-warning" role="alert">
        <p class="alert-title">This secret will not be shown again.</p>
        <p>
          Copy it into your orchestrator's secret store now. Payrelay keeps only a hash of it; if you lose it, revoke this
          client ID and create a new one.
        </p>
      </div>
      <div class="secret-block">
        <p class="secret-label">Client ID</p>
        <MonoValue value={client.id} label="client ID" />
      </div>
      <div class="secret-block">
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
