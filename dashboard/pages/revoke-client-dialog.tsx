import { useState } from "preact/hooks";
import { Dialog } from "../components/dialog";
import { ProblemAlert } from "../components/problem-alert";
import { api, toProblem } from "../lib/api";
import type { Client, Problem } from "../lib/types";

interface Props {
  destinationId: string;
  client: Client;
  onClose: () => void;
  onRevoked: (client: Client) => void;
}

/** Says exactly what revoking does before doing it; revocation is permanent. */
export function RevokeClientDialog({ destinationId, client, onClose, onRevoked }: Props) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const revoke = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onRevoked(await api.post<Client>(`/api/destinations/${destinationId}/clients/${client.id}/revoke`));
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Revoke ${client.name}?`} onClose={onClose}>
      <ProblemAlert problem={problem} />
      <p>Revoking is immediate and permanent. From now on:</p>
      <ul class="consequences">
        <li>
          <strong>No new requests or payment links.</strong> Every create with this client ID is refused.
        </li>
        <li>
          <strong>Existing requests stay valid</strong> and keep moving through their statuses.
        </li>
        <li>
          <strong>Existing payment links keep working</strong> until they expire.
        </li>
        <li>
          <strong>The orchestrator can still read</strong> the requests it created.
        </li>
      </ul>
      <div class="form-actions">
        <button type="button" class="btn btn-secondary" onClick={onClose} autoFocus>
          Keep it active
        </button>
        <button type="button" class="btn btn-danger" onClick={revoke} disabled={busy}>
          {busy ? "Revoking…" : "Revoke client ID"}
        </button>
      </div>
    </Dialog>
  );
}
