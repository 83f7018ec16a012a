import { useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { EmptyState } from "../../components/empty-state";
import { Link } from "../../components/link";
import { LoadProblem } from "../../components/load-problem";
import { announce } from "../../lib/announce";
import { api } from "../../lib/api";
import { focusSoon } from "../../lib/focus";
import { navigate } from "../../lib/router";
import type { Destination, Page, PaymentRequest } from "../../lib/types";
import { can } from "../../lib/roles";
import { useResource } from "../../lib/use-resource";
import { useClients } from "../../lib/use-clients";
import { RequestFilters, type FilterName } from "./request-filters";
import { RequestsTable } from "./requests-table";

const PAGE_SIZE = 20;
const FILTERS: FilterName[] = ["createdBy", "direction", "status"];

/** A destination's requests: filters kept in the URL, cursor pages kept in memory. */
export function RequestsSection({ destination, query }: { destination: Destination; query: URLSearchParams }) {
  const id = destination.id;
  const filters = new URLSearchParams();
  for (const name of FILTERS) {
    const value = query.get(name);
    if (value) filters.set(name, value);
  }
  const filterKey = filters.toString();
  // Cursors of the pages before the current one; a filter change starts again at page 1.
  const [pager, setPager] = useState<{ key: string; stack: string[] }>({ key: filterKey, stack: [] });
  const stack = pager.key === filterKey ? pager.stack : [];
  const cursor = stack[stack.length - 1];

  const params = new URLSearchParams(filters);
  params.set("limit", String(PAGE_SIZE));
  if (cursor) params.set("cursor", cursor);
  const url = `/api/destinations/${id}/requests?${params.toString()}`;
  const page = useResource(url, () => api.get<Page<PaymentRequest>>(url));
  const clients = useClients(id);

  const setFilter = (name: FilterName, value: string) => {
    const next = new URLSearchParams(filters);
    if (value) next.set(name, value);
    else next.delete(name);
    const qs = next.toString();
    navigate(`/destinations/${id}/requests${qs ? `?${qs}` : ""}`, { replace: true });
  };

  // The Clear filters button goes away with the empty state: land on the section heading instead.
  const clearFilters = () => {
    navigate(`/destinations/${id}/requests`, { replace: true });
    announce("Filters cleared. Showing all requests.");
    focusSoon(() => document.getElementById("requests-title"));
  };

  const items = page.data?.data ?? [];
  const nextCursor = page.data?.nextCursor ?? null;
  // An unclaimed destination answers 409 to a create: say so up front rather than after the form is filled.
  const claimed = destination.status === "claimed";
  const newRequest = !can(destination, "admin") ? undefined : claimed ? (
    <Link href={`/destinations/${id}/requests/new`} class="btn btn-primary">
      New request
    </Link>
  ) : (
    <span class="new-request-blocked">
      <BusyButton class="btn btn-primary" unavailable aria-describedby="new-request-why">
        New request
      </BusyButton>
      <span id="new-request-why" class="muted">
        Claim this destination first.
      </span>
    </span>
  );

  return (
    <section aria-labelledby="requests-title">
      <div class="section-header">
        <div>
          <h2 id="requests-title">Requests</h2>
          <p class="muted">Payment requests for this destination, newest first, whoever created them.</p>
        </div>
        {newRequest}
      </div>
      <RequestFilters values={filters} clients={clients.data?.data ?? []} onChange={setFilter} />
      {page.problem || clients.problem ? (
        <LoadProblem
          problem={page.problem ?? clients.problem}
          onRetry={() => {
            page.reload();
            clients.reload();
          }}
          what="requests"
          heading={() => document.getElementById("requests-title")}
        />
      ) : page.loading && !page.data ? (
        <p class="loading">Loading requests…</p>
      ) : items.length === 0 ? (
        filterKey ? (
          <EmptyState
            title="No requests match these filters"
            action={
              <button type="button" class="btn btn-secondary" onClick={clearFilters}>
                Clear filters
              </button>
            }
          >
            Try another client, direction or status.
          </EmptyState>
        ) : (
          <EmptyState title="No requests yet" action={claimed ? newRequest : undefined}>
            {claimed
              ? "Create one by hand, or give a payment system a client ID so it can send requests through the API."
              : "Once this destination is claimed, create requests by hand or give a payment system a client ID."}
          </EmptyState>
        )
      ) : (
        <>
          <RequestsTable destinationId={id} requests={items} busy={page.loading} />
          <nav class="pagination" aria-label="Request pages">
            <span class="muted">Page {stack.length + 1}</span>
            <BusyButton
              class="btn btn-secondary btn-sm"
              unavailable={stack.length === 0 || page.loading}
              onClick={() => setPager({ key: filterKey, stack: stack.slice(0, -1) })}
            >
              Previous
            </BusyButton>
            <BusyButton
              class="btn btn-secondary btn-sm"
              unavailable={!nextCursor || page.loading}
              onClick={() => nextCursor && setPager({ key: filterKey, stack: [...stack, nextCursor] })}
            >
              Next
            </BusyButton>
          </nav>
        </>
      )}
    </section>
  );
}
