import { useState } from "preact/hooks";
import { Dialog } from "../components/dialog";
import { TextField } from "../components/fields";
import { fieldError, ProblemAlert } from "../components/problem-alert";
import { api, toProblem } from "../lib/api";
import type { Problem } from "../lib/types";
import type { CreatedWebhookEndpoint, WebhookEndpoint } from "../lib/webhook-types";
import { WebhookSecretReveal } from "./webhook-secret-reveal";

interface Props {
  destinationId: string;
  onClose: () => void;
  onCreated: (endpoint: WebhookEndpoint) => void;
}

/** Adds an endpoint for every event of the destination; then shows its secret, once. */
export function AddWebhookDialog({ destinationId, onClose, onCreated }: Props) {
  const [url, setUrl] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const { secret: shown, ...endpoint } = await api.post<CreatedWebhookEndpoint>(`/api/destinations/${destinationId}/webhook-endpoints`, { url: url.trim() });
      onCreated(endpoint);
      setSecret(shown);
    } catch (error) {
      setProblem(toProblem(error));
    }
    setBusy(false);
  };

  return (
    <Dialog title={secret ? "Copy the signing secret now" : "Add webhook endpoint"} onClose={onClose}>
      {secret ? (
        <WebhookSecretReveal secret={secret} rotated={false} onDone={onClose} />
      ) : (
        <form onSubmit={submit} noValidate class="form">
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
            <button type="button" class="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" class="btn btn-primary" disabled={busy || url.trim() === ""}>
              {busy ? "Adding…" : "Add endpoint"}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
