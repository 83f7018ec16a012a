import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { Dialog } from "../../components/dialog";
import { ProblemAlert } from "../../components/problem-alert";
import { api, toProblem } from "../../lib/api";
import type { Client, Problem } from "../../lib/types";
import { useFocusProblem } from "../../lib/use-focus-problem";

interface Props {
  destinationId: string;
  client: Client;
  onClose: () => void;
  onRevoked: (client: Client) => void;
  returnFocus: () => HTMLElement | null | undefined;
}

/** Says exactly what revoking does before doing it; revocation is permanent. */
export function RevokeClientDialog({ destinationId, client, onClose, onRevoked, returnFocus }: Props) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const alert = useRef<HTMLDivElement>(null);
  useFocusProblem(problem, alert);

  const revoke = async () => {
    if (busy) return;
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
    <Dialog title={`Revoke ${client.name}?`} onClose={onClose} returnFocus={returnFocus}>
      <div ref={alert}>
        <ProblemAlert problem={problem} />
      </div>
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
        <BusyButton class="btn btn-danger" onClick={() => void revoke()} busy={busy} busyText="Revoking…">
          Revoke client ID
        </BusyButton>
      </div>
    </Dialog>
  );
}
