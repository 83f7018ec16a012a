import { useRef, useState } from "preact/hooks";
import { EmptyState } from "../../components/empty-state";
import { LoadProblem } from "../../components/load-problem";
import { announce } from "../../lib/announce";
import type { Client, Destination } from "../../lib/types";
import { limitCurrencies } from "../../lib/limit-inputs";
import { can } from "../../lib/roles";
import { useClients } from "../../lib/use-clients";
import { ClientsTable } from "./clients-table";
import { CreateClientDialog } from "./create-client-dialog";
import { RevokeClientDialog } from "./revoke-client-dialog";

/** The client IDs of a claimed destination, with create and revoke. */
export function ClientsSection({ destination }: { destination: Destination }) {
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<Client | null>(null);
  const claimed = destination.status === "claimed";
  // A viewer sees the list, and no button the API would refuse.
  const admin = can(destination, "admin");
  const clients = useClients(destination.id);
  const items = clients.data?.data ?? [];

  const replace = (updated: Client) => clients.set({ data: items.map((c) => (c.id === updated.id ? updated : c)) });
  // The client a dialog just created or revoked: focus lands on its row, since the
  // button that opened the dialog may be gone (empty state, Revoke).
  const changed = useRef<string | null>(null);
  const changedRow = () =>
    changed.current ? document.querySelector<HTMLElement>(`tr[data-client-id="${changed.current}"] .client-name`) : null;
  const open = (then: () => void) => {
    changed.current = null;
    then();
  };

  const createButton = (
    <button type="button" class="btn btn-primary" onClick={() => open(() => setCreating(true))} disabled={!claimed}>
      Create client ID
    </button>
  );

  return (
    <section aria-labelledby="clients-title">
      <div class="section-header">
        <div>
          <h2 id="clients-title">Client IDs</h2>
          <p class="muted">
            Give each payment system (orchestrator) its own client ID. You see what each one created, and can cut one off without touching
            the others.
          </p>
        </div>
        {claimed && admin && items.length > 0 && createButton}
      </div>
      {!claimed ? (
        <EmptyState title="Claim this destination first">
          Client IDs can only be created for a destination whose wallet owner has signed the claim message above.
        </EmptyState>
      ) : clients.problem ? (
        <LoadProblem
          problem={clients.problem}
          onRetry={clients.reload}
          what="client IDs"
          heading={() => document.getElementById("clients-title")}
        />
      ) : clients.loading && !clients.data ? (
        <p class="loading">Loading client IDs…</p>
      ) : items.length === 0 ? (
        <EmptyState title="No client IDs yet" action={admin ? createButton : undefined}>
          Create one for each system that should create payment requests for this destination through the API.
        </EmptyState>
      ) : (
        <ClientsTable destinationId={destination.id} clients={items} onRevoke={admin ? (c) => open(() => setRevoking(c)) : undefined} />
      )}
      {creating && (
        <CreateClientDialog
          destinationId={destination.id}
          currencies={limitCurrencies(destination)}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            changed.current = c.id;
            clients.set({ data: [c, ...items] });
          }}
          returnFocus={changedRow}
        />
      )}
      {revoking && (
        <RevokeClientDialog
          destinationId={destination.id}
          client={revoking}
          onClose={() => setRevoking(null)}
          returnFocus={changedRow}
          onRevoked={(c) => {
            changed.current = c.id;
            replace(c);
            setRevoking(null);
            announce(`${c.name} revoked. Its new requests and payment links are refused from now on.`);
          }}
        />
      )}
    </section>
  );
}
