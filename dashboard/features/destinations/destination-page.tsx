import { Link } from "../../components/link";
import { LoadProblem } from "../../components/load-problem";
import { announce } from "../../lib/announce";
import { api } from "../../lib/api";
import { focusSoon, pageHeading } from "../../lib/focus";
import { destinationName } from "../../lib/destination-name";
import type { Destination } from "../../lib/types";
import { useResource } from "../../lib/use-resource";
import { approvalsHref, useApprovalCount } from "../../lib/use-approvals";
import { useTitle } from "../../lib/use-title";
import { can } from "../../lib/roles";
import { AuditSection } from "../audit/audit-section";
import { MembersSection } from "../members/members-section";
import { ClaimPanel } from "./claim-panel";
import { ClientsSection } from "../clients/clients-section";
import { DestinationSummary } from "./destination-summary";
import { RequestsSection } from "../requests/requests-section";
import { UnattributedPayments } from "../requests/unattributed-payments";
import { WebhooksSection } from "../webhooks/webhooks-section";
import { WriteHealthWarning } from "./write-health-warning";

interface Props {
  id: string;
  tab: "clients" | "requests" | "webhooks" | "audit" | "members";
  query: URLSearchParams;
}

/** Manage one destination: claim it, its client IDs, its requests. */
export function DestinationPage({ id, tab, query }: Props) {
  const dest = useResource(`destination:${id}`, () => api.get<Destination>(`/api/destinations/${id}`));
  const d = dest.data;
  useTitle(d ? destinationName(d) : "Destination");
  const approvals = useApprovalCount(id, d?.status === "claimed");
  const waiting = approvals !== null && approvals !== "0";

  if (!d) {
    return (
      <div class="page">
        <nav class="breadcrumbs" aria-label="Breadcrumb">
          <Link href="/">Destinations</Link>
        </nav>
        {dest.loading ? (
          <p class="loading">Loading destination…</p>
        ) : (
          <h1>{dest.problem?.status === 404 ? "Destination not found" : "Destination"}</h1>
        )}
        {dest.problem?.status !== 404 && (
          <LoadProblem problem={dest.problem} onRetry={dest.reload} what="the destination" heading={pageHeading} />
        )}
        {dest.problem?.status === 404 && (
          <p class="muted">It does not exist, or you are not (or no longer) a member of it. An owner can invite you again.</p>
        )}
      </div>
    );
  }

  const base = `/destinations/${d.id}`;
  // The claim panel, and the button pressed in it, go away: land on the heading, now marked Claimed.
  const claimed = (next: Destination) => {
    dest.set(next);
    announce("Destination claimed. You can now create client IDs.");
    focusSoon(pageHeading);
  };
  return (
    <div class="page">
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/">Destinations</Link> <span aria-hidden="true">/</span> <span>{destinationName(d)}</span>
      </nav>
      <DestinationSummary destination={d} onChange={dest.set} />
      {d.status === "claimed" && <WriteHealthWarning destination={d} />}
      {d.status === "unclaimed" && can(d, "owner") && <ClaimPanel destination={d} onClaimed={claimed} />}
      {waiting && can(d, "admin") && (
        // Decisions that wait on the recipient come first, whichever tab is open.
        <p class="alert alert-attention approval-callout" data-testid="approval-callout">
          <Link href={approvalsHref(d.id)}>Needs your approval ({approvals})</Link>
          <span class="muted"> Outgoing requests wait until you approve or reject them.</span>
        </p>
      )}
      <nav class="tabs" aria-label="Destination sections">
        <Link href={base} class="tab" aria-current={tab === "clients" ? "page" : undefined}>
          Client IDs
        </Link>
        <Link href={`${base}/requests`} class="tab" aria-current={tab === "requests" ? "page" : undefined}>
          Requests
          {waiting && (
            <span class="tab-count" data-testid="tab-approval-count">
              {approvals}
              <span class="visually-hidden"> need your approval</span>
            </span>
          )}
        </Link>
        <Link href={`${base}/webhooks`} class="tab" aria-current={tab === "webhooks" ? "page" : undefined}>
          Webhooks
        </Link>
        <Link href={`${base}/audit`} class="tab" aria-current={tab === "audit" ? "page" : undefined}>
          Audit log
        </Link>
        <Link href={`${base}/members`} class="tab" aria-current={tab === "members" ? "page" : undefined}>
          Members
        </Link>
      </nav>
      {tab === "clients" ? (
        <ClientsSection destination={d} />
      ) : tab === "webhooks" ? (
        <WebhooksSection destination={d} />
      ) : tab === "audit" ? (
        <AuditSection destination={d} />
      ) : tab === "members" ? (
        <MembersSection destination={d} />
      ) : (
        <>
          {d.status === "claimed" && <UnattributedPayments destination={d} />}
          <RequestsSection destination={d} query={query} />
        </>
      )}
    </div>
  );
}
