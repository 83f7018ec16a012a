import { EmptyState } from "../../components/empty-state";
import { DataTable } from "../../components/data-table";
import { Link } from "../../components/link";
import { MonoValue } from "../../components/mono-value";
import { pageHeading } from "../../lib/focus";
import { LoadProblem } from "../../components/load-problem";
import { StatusBadge } from "../../components/status-badge";
import { ShortTime } from "../../components/short-time";
import { api } from "../../lib/api";
import { chainName } from "../../lib/chains";
import { destinationName } from "../../lib/destination-name";
import { ROLE_LABELS } from "../../lib/roles";
import type { Destination } from "../../lib/types";
import { useResource } from "../../lib/use-resource";
import { useTitle } from "../../lib/use-title";

/** Every destination of the signed-in recipient. */
export function DestinationsPage() {
  useTitle("Destinations");
  const list = useResource("destinations", () => api.get<{ data: Destination[] }>("/api/destinations"));
  const items = list.data?.data ?? [];

  return (
    <div class="page">
      <div class="page-header">
        <div>
          <h1>Destinations</h1>
          <p class="muted">Where you get paid: one wallet, on one chain, for one token.</p>
        </div>
        {items.length > 0 && (
          <Link href="/destinations/new" class="btn btn-primary">
            Add destination
          </Link>
        )}
      </div>
      {list.problem ? (
        <LoadProblem problem={list.problem} onRetry={list.reload} what="destinations" heading={pageHeading} />
      ) : list.loading && !list.data ? (
        <p class="loading">Loading destinations…</p>
      ) : items.length === 0 ? (
        <EmptyState
          level={2}
          title="No destinations yet"
          action={
            <Link href="/destinations/new" class="btn btn-primary">
              Add your first destination
            </Link>
          }
        >
          Add the wallet you want to be paid to, then prove it is yours by signing a message with it.
        </EmptyState>
      ) : (
        <div class="card">
          <DataTable columns={["Destination", "Interop address", "Network", "Status", "Your role", "Created"]}>
            {items.map((d) => (
              <tr key={d.id}>
                <td data-label="Destination">
                  <Link href={`/destinations/${d.id}`} class="row-link">
                    {destinationName(d)}
                  </Link>
                </td>
                <td data-label="Interop address">
                  <MonoValue value={d.interopAddress} label="interop address" truncate />
                </td>
                <td data-label="Network">{chainName(d.chainId)}</td>
                <td data-label="Status">
                  <StatusBadge status={d.status} />
                </td>
                <td data-label="Your role">{ROLE_LABELS[d.role]}</td>
                <td data-label="Created">
                  <ShortTime iso={d.createdAt} />
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </div>
  );
}
