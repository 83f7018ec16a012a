import { Link } from "../../components/link";
import { DataTable } from "../../components/data-table";
import { StatusBadge } from "../../components/status-badge";
import { ShortTime } from "../../components/short-time";
import { formatAmount } from "../../lib/format";
import type { PaymentRequest } from "../../lib/types";

interface Props {
  destinationId: string;
  requests: PaymentRequest[];
  busy: boolean;
}

/** One row per request; the reference (or the id when there is none) links to its detail page. */
export function RequestsTable({ destinationId, requests, busy }: Props) {
  return (
    <div class="card" aria-busy={busy ? "true" : undefined}>
      <DataTable columns={["Reference", "Direction", "Created by", "Status", "Created", { label: "Amount", class: "num" }]}>
        {requests.map((r) => (
          <tr key={r.id} data-request-id={r.id}>
            <td data-label="Reference">
              <Link href={`/destinations/${destinationId}/requests/${r.id}`} class="row-link">
                {r.reference || <span class="mono">{r.id}</span>}
              </Link>
            </td>
            <td data-label="Direction">
              <span class={`direction direction-${r.direction}`}>
                <span aria-hidden="true">{r.direction === "incoming" ? "↓ " : "↑ "}</span>
                {r.direction === "incoming" ? "Incoming" : "Outgoing"}
              </span>
            </td>
            <td data-label="Created by" class="created-by">
              {r.createdBy.type === "manual" ? <span class="muted">Manual</span> : r.createdBy.clientName}
            </td>
            <td data-label="Status">
              <StatusBadge status={r.status} />
            </td>
            <td data-label="Created">
              <ShortTime iso={r.createdAt} />
            </td>
            <td data-label="Amount" class="num">
              <span class="amount" title={`${r.amount} ${r.currency}`}>
                {formatAmount(r.amount)} <span class="currency">{r.currency}</span>
              </span>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
