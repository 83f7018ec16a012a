import { BusyButton } from "../../components/busy-button";
import { ACTIONS, DataTable } from "../../components/data-table";
import { ShortTime } from "../../components/short-time";
import { StatusBadge } from "../../components/status-badge";
import type { WebhookDelivery } from "../../lib/webhook-types";

interface Props {
  deliveries: WebhookDelivery[];
  endpointUrl: string;
  busyId: string | null;
  /** Absent for a viewer: no Retry buttons. */
  onRetry?: (delivery: WebhookDelivery) => void;
}

/** Recent deliveries of one endpoint: what was sent, how often, what came back, what happens next. */
export function WebhookDeliveriesTable({ deliveries, endpointUrl, busyId, onRetry }: Props) {
  if (deliveries.length === 0) return <p class="muted">No deliveries yet. Send a test event to try the endpoint.</p>;
  return (
    <DataTable
      columns={["Event", "Status", "Attempts", "Last answer", "Next retry", "Created", ACTIONS]}
      label={`Recent deliveries to ${endpointUrl}`}
    >
      {deliveries.map((d) => (
        <tr key={d.id} data-delivery-id={d.id}>
          <td data-label="Event">
            <code class="mono">{d.eventType}</code>
          </td>
          <td data-label="Status">
            <StatusBadge status={d.status} />
          </td>
          <td data-label="Attempts">{d.attempts}</td>
          <td data-label="Last answer" title={d.lastError ?? undefined}>
            {d.lastStatusCode ?? (d.lastError ? "No answer" : "—")}
          </td>
          <td data-label="Next retry">{d.nextAttemptAt ? <ShortTime iso={d.nextAttemptAt} /> : "—"}</td>
          <td data-label="Created">
            <ShortTime iso={d.createdAt} />
          </td>
          <td>
            {onRetry && (
              <BusyButton class="btn btn-secondary btn-small" onClick={() => onRetry(d)} busy={busyId === d.id} busyText="Retrying…">
                Retry<span class="visually-hidden"> {d.eventType} delivery</span>
              </BusyButton>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
