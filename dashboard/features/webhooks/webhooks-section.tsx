import { useRef, useState } from "preact/hooks";
import { EmptyState } from "../../components/empty-state";
import { LoadProblem } from "../../components/load-problem";
import { announce } from "../../lib/announce";
import { api } from "../../lib/api";
import type { Destination } from "../../lib/types";
import { can } from "../../lib/roles";
import { useResource } from "../../lib/use-resource";
import type { WebhookEndpoint } from "../../lib/webhook-types";
import { AddWebhookDialog } from "./add-webhook-dialog";
import { WebhookEndpointCard } from "./webhook-endpoint-card";

/** The destination's webhook endpoints: add, test, rotate, delete, and their recent deliveries. */
export function WebhooksSection({ destination }: { destination: Destination }) {
  const [adding, setAdding] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  const claimed = destination.status === "claimed";
  const endpoints = useResource(`webhooks:${destination.id}:${claimed}`, () =>
    claimed ? api.get<{ data: WebhookEndpoint[] }>(`/api/destinations/${destination.id}/webhook-endpoints`) : Promise.resolve({ data: [] }),
  );
  const items = endpoints.data?.data ?? [];
  const admin = can(destination, "admin");

  const addButton = (
    <button type="button" class="btn btn-primary" onClick={() => setAdding(true)} disabled={!claimed}>
      Add endpoint
    </button>
  );

  return (
    <section aria-labelledby="webhooks-title">
      <div class="section-header">
        <div>
          <h2 id="webhooks-title" ref={title} tabIndex={-1}>
            Webhooks
          </h2>
          <p class="muted">
            Payrelay POSTs every event of this destination to your endpoints, signed per Standard Webhooks, and retries for a day when they
            fail.
          </p>
        </div>
        {claimed && admin && items.length > 0 && addButton}
      </div>
      {/* Successes are announced in the page's one polite live region; failures show as alerts where they happened. */}
      {!claimed ? (
        <EmptyState title="Claim this destination first">Webhooks can only be added to a claimed destination.</EmptyState>
      ) : endpoints.problem ? (
        <LoadProblem problem={endpoints.problem} onRetry={endpoints.reload} what="webhook endpoints" heading={() => title.current} />
      ) : endpoints.loading && !endpoints.data ? (
        <p class="loading">Loading webhook endpoints…</p>
      ) : items.length === 0 ? (
        <EmptyState title="No webhook endpoints yet" action={admin ? addButton : undefined}>
          Add an https endpoint to hear about new requests, payments and revocations without polling.
        </EmptyState>
      ) : (
        items.map((e) => (
          <WebhookEndpointCard
            key={e.id}
            destinationId={destination.id}
            endpoint={e}
            canManage={admin}
            announce={announce}
            onDeleted={(gone) => {
              endpoints.set({ data: items.filter((x) => x.id !== gone.id) });
              title.current?.focus();
            }}
          />
        ))
      )}
      {adding && (
        <AddWebhookDialog
          destinationId={destination.id}
          onClose={() => setAdding(false)}
          onCreated={(e) => {
            endpoints.set({ data: [e, ...items] });
            announce(`Endpoint ${e.url} added.`);
          }}
        />
      )}
    </section>
  );
}
