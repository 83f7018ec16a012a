import { LoadProblem } from "../../components/load-problem";
import { statusLabel } from "../../components/status-badge";
import { ClientRef } from "../../components/client-ref";
import { useClientNames } from "../../lib/use-clients";
import type { ComponentChildren } from "preact";
import { api } from "../../lib/api";
import { MonoValue } from "../../components/mono-value";
import { formatAmount, formatDateTime } from "../../lib/format";
import type { RequestEvent } from "../../lib/types";
import { useResource } from "../../lib/use-resource";

const WHAT: Record<string, string> = {
  created: "Created",
  "payment_link.created": "Payment link issued",
  payment_after_close: "Payment after close",
  marked_paid: "Marked paid",
};
// Event kinds this list has no words for yet still read as words: "payment_seen" → "Payment seen".
const words = (kind: string) =>
  WHAT[kind] ?? (statusLabel(kind) === kind ? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/_/g, " ") : statusLabel(kind));

function describeActor(a: RequestEvent["actor"], client: (id: string) => ComponentChildren): ComponentChildren {
  if (a.type === "client") return <>by {client(a.clientId)}</>;
  return { user: "by you", payer: "by the payer", system: "automatically" }[a.type];
}

/** What happened to a request, oldest first: an ordered list, so assistive technology reads the order. */
export function RequestTimeline({ destinationId, requestId, version }: { destinationId: string; requestId: string; version: string }) {
  const url = `/api/destinations/${destinationId}/requests/${requestId}/events`;
  // `version` (the request's updatedAt) reloads the list after an action changed the request.
  const res = useResource(`${url}#${version}`, () => api.get<{ data: RequestEvent[] }>(url));
  const names = useClientNames(destinationId);
  const client = (id: string) => <ClientRef destinationId={destinationId} clientId={id} names={names} />;
  return (
    <section class="card card-pad" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <LoadProblem
        problem={res.problem}
        onRetry={res.reload}
        what="the timeline"
        heading={() => document.getElementById("timeline-title")}
      />
      {res.data ? (
        <ol class="timeline">
          {res.data.data.map((e) => {
            const kind = e.type.replace(/^request\./, "");
            return (
              <li key={e.id} class="timeline-item">
                <span class="strong">{words(kind)}</span> <span class="muted">{describeActor(e.actor, client)}</span>
                <time class="muted timeline-time" dateTime={e.createdAt}>
                  {formatDateTime(e.createdAt)}
                </time>
                {e.data.reason && <p class="timeline-reason">Reason: {e.data.reason}</p>}
                {e.data.declared && e.data.amount && <p class="timeline-reason">Declared payment of {formatAmount(e.data.amount)}</p>}
                {e.type === "request.refunded" && e.data.amount && <p class="timeline-reason">Refund of {formatAmount(e.data.amount)}</p>}
                {e.data.note && <p class="timeline-reason">Note: {e.data.note}</p>}
                {e.data.txHash && !e.data.declared && (
                  <p class="timeline-reason">
                    Transaction <MonoValue value={e.data.txHash} label="transaction hash" truncate />
                    {e.data.amount ? ` · ${formatAmount(e.data.amount)}` : ""}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        res.loading && <p class="loading">Loading timeline…</p>
      )}
    </section>
  );
}
