import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { Dialog } from "../../components/dialog";
import { TextField } from "../../components/fields";
import { fieldError, ProblemAlert } from "../../components/problem-alert";
import { api } from "../../lib/api";
import { useSubmit } from "../../lib/use-submit";
import type { CreatedWebhookEndpoint, WebhookEndpoint } from "../../lib/webhook-types";
import { WebhookSecretDialog } from "./webhook-secret-dialog";

interface Props {
  destinationId: string;
  onClose: () => void;
  onCreated: (endpoint: WebhookEndpoint) => void;
}

/** The new endpoint's card heading: where focus goes once its secret is put away. */
const cardHeading = (id: string) => document.querySelector<HTMLElement>(`[data-endpoint-id="${id}"] h3`);

/** Adds an endpoint for every event of the destination; then shows its secret, once. */
export function AddWebhookDialog({ destinationId, onClose, onCreated }: Props) {
  const [url, setUrl] = useState("");
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const { submit, busy, problem } = useSubmit(form, async () => {
    const { secret, ...endpoint } = await api.post<CreatedWebhookEndpoint>(`/api/destinations/${destinationId}/webhook-endpoints`, {
      url: url.trim(),
    });
    onCreated(endpoint);
    setCreated({ id: endpoint.id, secret });
  });

  if (created) {
    return (
      <WebhookSecretDialog
        title="Copy the signing secret now"
        secret={created.secret}
        rotated={false}
        onDone={onClose}
        returnFocus={() => cardHeading(created.id)}
      />
    );
  }
  return (
    <Dialog title="Add webhook endpoint" onClose={onClose}>
      <form onSubmit={submit} noValidate class="form" ref={form}>
        <ProblemAlert problem={problem} shownFields={["url"]} />
        <TextField
          label="Endpoint URL"
          type="url"
          value={url}
          onValue={setUrl}
          maxLength={2048}
          hint="An https URL on a public host. It receives every event of this destination, signed."
          error={fieldError(problem, "url")}
        />
        <div class="form-actions">
          <button type="button" class="btn btn-secondary" onClick={onClose}>
            Cancel
          </button>
          <BusyButton type="submit" class="btn btn-primary" busy={busy} busyText="Adding…">
            Add endpoint
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
