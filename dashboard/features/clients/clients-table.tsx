import { MonoValue } from "../../components/mono-value";
import { ACTIONS, DataTable } from "../../components/data-table";
import { ShortTime } from "../../components/short-time";
import { StatusBadge } from "../../components/status-badge";
import { Link } from "../../components/link";
import { formatAmount, formatDateTime, formatRelative } from "../../lib/format";
import type { Client } from "../../lib/types";

interface Props {
  destinationId: string;
  clients: Client[];
  /** Absent for a viewer: no Revoke buttons. */
  onRevoke?: (client: Client) => void;
}

/** Client IDs with everything a recipient checks before trusting or revoking one. */
export function ClientsTable({ destinationId, clients, onRevoke }: Props) {
  return (
    <div class="card">
      <DataTable columns={["Name", "Client ID", "Permissions", "Status", "Created", "Last used", "Secret", ACTIONS]}>
        {clients.map((c) => (
          <tr key={c.id} data-client-id={c.id}>
            <td data-label="Name" class="strong">
              <Link href={`/destinations/${destinationId}/clients/${c.id}`} class="client-name">
                {c.name}
              </Link>
              {c.remaining !== null && c.limits.outgoingBudget && (
                <span class="cell-note">
                  {formatAmount(c.remaining)} {c.limits.outgoingBudget.currency} left
                </span>
              )}
            </td>
            <td data-label="Client ID">
              <MonoValue value={c.id} label={`client ID of ${c.name}`} truncate />
            </td>
            <td data-label="Permissions">
              <ul class="chips" aria-label={`Permissions of ${c.name}`}>
                {c.permissions.map((p) => (
                  <li key={p} class="chip">
                    {p}
                  </li>
                ))}
              </ul>
            </td>
            <td data-label="Status">
              <StatusBadge status={c.status} />
              {c.revokedAt && (
                <span class="cell-note">
                  <ShortTime iso={c.revokedAt} />
                </span>
              )}
            </td>
            <td data-label="Created">
              <ShortTime iso={c.createdAt} />
            </td>
            <td data-label="Last used">
              {c.lastUsedAt ? (
                <time dateTime={c.lastUsedAt} title={formatDateTime(c.lastUsedAt)} class="nowrap">
                  {formatRelative(c.lastUsedAt)}
                </time>
              ) : (
                <span class="muted">Never</span>
              )}
            </td>
            <td data-label="Secret">
              <code class="mono nowrap">{c.secretHint}</code>
            </td>
            <td class="cell-actions">
              {c.status === "active" && onRevoke && (
                <button type="button" class="btn btn-danger-ghost btn-sm" onClick={() => onRevoke(c)} aria-label={`Revoke ${c.name}`}>
                  Revoke
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
