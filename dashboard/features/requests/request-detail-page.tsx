import type { ComponentChildren } from "preact";
import { DetailsList } from "../../components/details-list";
import { allowedActions } from "../../../src/requests/transitions";
import { Link } from "../../components/link";
import { MonoValue } from "../../components/mono-value";
import { LoadProblem } from "../../components/load-problem";
import { StatusBadge, statusLabel } from "../../components/status-badge";
import { api } from "../../lib/api";
import { formatAmount, formatDate, formatDateTime } from "../../lib/format";
import { announce } from "../../lib/announce";
import type { RequestDetail } from "../../lib/payment-types";
import type { Destination, Party } from "../../lib/types";
import { can } from "../../lib/roles";
import { useResource } from "../../lib/use-resource";
import { useTitle } from "../../lib/use-title";
import { focusSoon, pageHeading } from "../../lib/focus";
import { PaymentLinkPanel } from "./payment-link-panel";
import { NextStep, nextStepText } from "./next-step";
import { RequestActions } from "./request-actions";
import { RequestPayments } from "./request-payments";
import { RequestRefunds } from "./request-refunds";
import { RequestTimeline } from "./request-timeline";

function PartyView({ party }: { party: Party | null }) {
  if (!party) return <span class="muted">Not given</span>;
  return (
    <span class="party">
      <span class="strong">{party.name}</span>
      {party.email && <span>{party.email}</span>}
      {party.walletAddress && <MonoValue value={party.walletAddress} label="wallet address" truncate />}
      {party.sortCode && <span class="mono">Sort code {party.sortCode.replace(/(\d\d)(?=\d)/g, "$1-")}</span>}
      {party.accountNumber && <span class="mono">Account {party.accountNumber}</span>}
    </span>
  );
}

const CONTEXT_LABELS: Record<string, string> = { BillPayment: "Bill payment", PartyToParty: "Person to person", Other: "Other" };

/** Moneyhub's payment-claim fields, only those the request carries. */
function claimRows(r: RequestDetail): [string, ComponentChildren][] {
  const rows: [string, ComponentChildren][] = [];
  if (r.context) rows.push(["Payment context", CONTEXT_LABELS[r.context] ?? r.context]);
  if (r.endToEndId) rows.push(["End-to-end ID", <span class="mono">{r.endToEndId}</span>]);
  if (r.payerRef) rows.push(["Payer reference", r.payerRef]);
  return rows;
}

/** Everything about one request, and a payment link for incoming ones. */
export function RequestDetailPage({ destinationId, requestId }: { destinationId: string; requestId: string }) {
  const url = `/api/destinations/${destinationId}/requests/${requestId}`;
  const res = useResource(url, () => api.get<RequestDetail>(url));
  const r = res.data;
  // The member's role decides which actions are on the page at all: a viewer sees no buttons to be refused.
  const dest = useResource(`destination:${destinationId}`, () => api.get<Destination>(`/api/destinations/${destinationId}`));
  const admin = dest.data ? can(dest.data, "admin") : false;
  useTitle(r ? `Request ${r.reference ?? r.id}` : "Request");
  const list = `/destinations/${destinationId}/requests`;

  const crumbs = (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <Link href="/">Destinations</Link> <span aria-hidden="true">/</span> <Link href={list}>Requests</Link>
    </nav>
  );
  if (!r) {
    return (
      <div class="page page-narrow">
        {crumbs}
        {res.loading ? <p class="loading">Loading request…</p> : <h1>{res.problem?.status === 404 ? "Request not found" : "Request"}</h1>}
        {res.problem?.status !== 404 && <LoadProblem problem={res.problem} onRetry={res.reload} what="the request" heading={pageHeading} />}
      </div>
    );
  }

  const rows: [string, ComponentChildren][] = [
    ["Request ID", <MonoValue value={r.id} label="request ID" />],
    ["Direction", r.direction === "incoming" ? "Incoming: someone pays you" : "Outgoing: you pay someone"],
    ["Reference", r.reference || <span class="muted">None</span>],
    [
      "Created by",
      r.createdBy.type === "manual" ? (
        "Manual (you)"
      ) : (
        <>
          {r.createdBy.clientName} <MonoValue value={r.createdBy.clientId} label="client ID" truncate />
        </>
      ),
    ],
    [r.direction === "incoming" ? "Payer" : "Payee", <PartyView party={r.direction === "incoming" ? r.payer : r.payee} />],
    ...claimRows(r),
    ["Due date", r.dueDate ? formatDate(r.dueDate) : <span class="muted">None</span>],
    ["Expires", r.expiresAt ? formatDateTime(r.expiresAt) : <span class="muted">Never</span>],
    ["Created", formatDateTime(r.createdAt)],
    ["Updated", formatDateTime(r.updatedAt)],
  ];

  const decides = allowedActions(r.direction, r.status).includes("approve");
  const actions = (
    <RequestActions
      destinationId={destinationId}
      request={r}
      onDone={(next) => {
        // Approve, reject and cancel answer the request without its payments, which they never change.
        res.set({ ...next, payments: r.payments, refunds: r.refunds });
        announce(`Status: ${statusLabel(next.status)}.${nextStepText(next) ? ` ${nextStepText(next)}` : ""}`);
        focusSoon(() => document.getElementById("request-status"));
      }}
    />
  );
  return (
    <div class="page page-narrow">
      {crumbs}
      <section class="card card-pad" aria-labelledby="request-title">
        <p class="eyebrow">{r.direction === "incoming" ? "Incoming request" : "Outgoing request"}</p>
        <div class="summary-title">
          <h1 id="request-title" class="amount-title">
            {formatAmount(r.amount)} <span class="currency">{r.currency}</span>
          </h1>
          {/* Focus lands here after an action: the new status is what the person needs to hear. */}
          <p id="request-status" class="request-status">
            <span class="visually-hidden">Status: </span>
            <StatusBadge status={r.status} />
          </p>
        </div>
        <NextStep request={r} />
        <DetailsList rows={rows} />
        {r.metadata && Object.keys(r.metadata).length > 0 && (
          <>
            <h2 class="subheading">Metadata</h2>
            <pre class="mono code-block">{JSON.stringify(r.metadata, null, 2)}</pre>
          </>
        )}
      </section>
      {admin && decides && actions}
      <RequestPayments
        destinationId={destinationId}
        canMark={admin}
        request={r}
        onChange={(next) => {
          res.set(next);
          announce(`Marked paid. Status: ${statusLabel(next.status)}.`);
        }}
      />
      <RequestRefunds
        destinationId={destinationId}
        request={r}
        canRefund={admin}
        onChange={(next) => {
          res.set(next);
          announce(`Refund recorded.${next.refunded ? ` Refunded so far: ${formatAmount(next.refunded)} ${next.currency}.` : ""}`);
        }}
      />
      {r.direction === "incoming" && <PaymentLinkPanel destinationId={destinationId} request={r} canCreate={admin} />}
      {/* Cancelling is the last thing anyone should reach for: below what moves the request forward. */}
      {admin && !decides && actions}
      <RequestTimeline destinationId={destinationId} requestId={r.id} version={r.updatedAt} />
    </div>
  );
}
