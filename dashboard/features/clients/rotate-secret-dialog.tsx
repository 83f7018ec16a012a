import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { Dialog } from "../../components/dialog";
import { SelectField } from "../../components/fields";
import { fieldError, ProblemAlert } from "../../components/problem-alert";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import type { Client, RotatedClient } from "../../lib/types";
import { useSubmit } from "../../lib/use-submit";
import { SecretReveal } from "./secret-reveal";

const OVERLAPS = [
  { value: "3600", label: "1 hour" },
  { value: "86400", label: "24 hours (default)" },
  { value: "604800", label: "7 days (the most)" },
  { value: "0", label: "No overlap: the old secret stops now" },
];

interface Props {
  destinationId: string;
  client: Client;
  onClose: () => void;
  onRotated: (client: Client) => void;
}

/** Issues a new secret with an overlap for the old one; shows the new secret once and when the old one stops. */
export function RotateSecretDialog({ destinationId, client, onClose, onRotated }: Props) {
  const [overlap, setOverlap] = useState("86400");
  const [rotated, setRotated] = useState<RotatedClient | null>(null);
  const [confirming, setConfirming] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const { submit, busy, problem } = useSubmit(form, async () => {
    const next = await api.post<RotatedClient>(`/api/destinations/${destinationId}/clients/${client.id}/rotate-secret`, {
      overlapSeconds: Number(overlap),
    });
    const { secret, previousSecretExpiresAt, ...view } = next;
    void secret;
    void previousSecretExpiresAt;
    onRotated(view);
    setRotated(next);
  });

  if (rotated) {
    const stops = Date.parse(rotated.previousSecretExpiresAt) <= Date.now() + 1000;
    return (
      <Dialog title="Copy the new client secret now" onClose={() => setConfirming((c) => !c)}>
        <SecretReveal
          client={rotated}
          onDone={onClose}
          confirming={confirming}
          onKeep={() => setConfirming(false)}
          note={
            <p class="strong" id="old-secret-until">
              {stops
                ? "The previous secret has stopped working."
                : `The previous secret keeps working until ${formatDateTime(rotated.previousSecretExpiresAt)}. Replace it in your orchestrator before then.`}
            </p>
          }
        />
      </Dialog>
    );
  }

  return (
    <Dialog title={`Rotate the secret of ${client.name}?`} onClose={onClose}>
      <form onSubmit={submit} noValidate class="form" ref={form}>
        <ProblemAlert problem={problem} shownFields={["overlapSeconds"]} />
        <p>
          A new secret is issued for the same client ID. The old one keeps working for the overlap you choose, so you can switch without
          downtime.
        </p>
        <SelectField
          label="Old secret keeps working for"
          value={overlap}
          onValue={setOverlap}
          options={OVERLAPS}
          error={fieldError(problem, "overlapSeconds")}
        />
        <div class="form-actions">
          <button type="button" class="btn btn-secondary" onClick={onClose}>
            Cancel
          </button>
          <BusyButton type="submit" class="btn btn-primary" busy={busy} busyText="Rotating…">
            Rotate secret
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
