import type { ComponentChildren } from "preact";
import { MonoValue } from "../../components/mono-value";
import { OneTimeSecret } from "../../components/one-time-secret";
import type { CreatedClient } from "../../lib/types";

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
  return (
    <OneTimeSecret
      title="This secret will not be shown again."
      warning="Copy it into your orchestrator's secret store now. Payrelay keeps only a hash of it; if you lose it, revoke this client ID and create a new one."
      ifLost="You would have to revoke this client ID and create a new one."
      onDone={onDone}
      confirming={confirming}
      onKeep={onKeep}
    >
      {note}
      <div class="secret-block">
        <p class="secret-label">Client ID</p>
        <MonoValue value={client.id} label="client ID" />
      </div>
      <div class="secret-block" data-secret>
        <p class="secret-label">Client secret</p>
        <MonoValue value={client.secret} label="client secret" />
      </div>
      <p class="muted">
        The orchestrator sends it as <code class="mono">Authorization: Bearer {"<secret>"}</code> to{" "}
        <code class="mono">/v1/destinations/…/requests</code>.
      </p>
    </OneTimeSecret>
  );
}
