import type { ComponentChildren } from "preact";
import { DetailsList } from "../../components/details-list";
import { useState } from "preact/hooks";
import { Link } from "../../components/link";
import { MonoValue } from "../../components/mono-value";
import { LoadProblem } from "../../components/load-problem";
import { StatusBadge } from "../../components/status-badge";
import { announce } from "../../lib/announce";
import { api } from "../../lib/api";
import { destinationName } from "../../lib/destination-name";
import { focusSoon, pageHeading } from "../../lib/focus";
import { formatAmount, formatDateTime, formatRelative } from "../../lib/format";
import type { Client, Destination } from "../../lib/types";
import { can } from "../../lib/roles";
import { useResource } from "../../lib/use-resource";
import { useTitle } from "../../lib/use-title";
import { knownToken } from "../../../src/payments/chains/tokens";
import { BudgetBar } from "./budget-bar";
import { ClientLimitsForm } from "./client-limits-form";
import { ClientSigningForm } from "./client-signing-form";
import { ConnectAgentPanel } from "./connect-agent-panel";
import { RotateSecretDialog } from "./rotate-secret-dialog";

const money = (m: { amount: string; currency: string } | null) => (m ? `${formatAmount(m.amount)} ${m.currency}` : null);

function Expiry({ iso }: { iso: string | null }) {
  if (!iso) return <span class="muted">Never</span>;
  const past = Date.parse(iso) <= Date.now();
  return (
    <span>
      <time dateTime={iso}>{formatDateTime(iso)}</time>{" "}
      <span class="muted">({past ? `expired ${formatRelative(iso)}` : formatRelative(iso)})</span>
    </span>
  );
}

/** One client ID: its budget, expiry and auto-approval, its limits to edit, its secret to rotate, and how to connect an agent. */
export function ClientDetailPage({ destinationId, clientId }: { destinationId: string; clientId: string }) {
  const dest = useResource(`destination:${destinationId}`, () => api.get<Destination>(`/api/destinations/${destinationId}`));
  // One client, by its own URL: not the whole list to find it in.
  const client = useResource(`client:${destinationId}:${clientId}`, () =>
    api.get<Client>(`/api/destinations/${destinationId}/clients/${encodeURIComponent(clientId)}`),
  );
  const [rotating, setRotating] = useState(false);
  const c = client.data;
  const d = dest.data;
  useTitle(c ? `Client ${c.name}` : "Client ID");

  const crumbs = (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <Link href="/">Destinations</Link> <span aria-hidden="true">/</span>{" "}
      <Link href={`/destinations/${destinationId}`}>{d ? destinationName(d) : "Destination"}</Link>
    </nav>
  );
  if (!c || !d) {
    return (
      <div class="page page-narrow">
        {crumbs}
        {client.loading || dest.loading ? (
          <p class="loading">Loading client ID…</p>
        ) : (
          <h1>{(client.problem ?? dest.problem)?.status === 404 ? "Client ID not found" : "Client ID"}</h1>
        )}
        {(client.problem ?? dest.problem)?.status !== 404 && (
          <LoadProblem
            problem={client.problem ?? dest.problem}
            onRetry={() => {
              client.reload();
              dest.reload();
            }}
            what="the client ID"
            heading={pageHeading}
          />
        )}
      </div>
    );
  }

  // A viewer reads the client and its limits; the buttons that change them are not there at all.
  const admin = can(d, "admin");
  const replace = (next: Client) => client.set(next);
  const peg = knownToken(d.chainId, d.tokenAddress)?.peggedTo;
  const currencies = [d.tokenSymbol, ...(peg ? [peg] : [])];
  const rows: [string, ComponentChildren][] = [
    ["Client ID", <MonoValue value={c.id} label="client ID" />],
    ["Permissions", c.permissions.join(", ")],
    ["Expires", <Expiry iso={c.expiresAt} />],
    [
      "Extends on use by",
      c.limits.extendOnUseSeconds === null ? <span class="muted">Not extended</span> : `${c.limits.extendOnUseSeconds} seconds`,
    ],
    [
      "Approves automatically up to",
      money(c.limits.autoApproveUpTo) ?? <span class="muted">Nothing: you approve every outgoing request</span>,
    ],
    ["Creates per minute", String(c.limits.createsPerMinute)],
    ["Secret", <code class="mono">{c.secretHint}</code>],
    [
      "Signed requests",
      c.requireSignedRequests ? "Required" : c.signingKey ? "Verified when sent" : <span class="muted">No signing key</span>,
    ],
  ];
  return (
    <div class="page page-narrow">
      {crumbs}
      <section class="card card-pad" aria-labelledby="client-title">
        <p class="eyebrow">Client ID</p>
        <div class="summary-title">
          <h1 id="client-title">{c.name}</h1>
          <p id="client-status">
            <span class="visually-hidden">Status: </span>
            <StatusBadge status={c.status} />
          </p>
        </div>
        <h2 class="subheading">Outgoing budget</h2>
        <BudgetBar client={c} />
        <DetailsList rows={rows} />
        {c.status === "active" && admin && (
          <div class="form-actions">
            <button type="button" class="btn btn-secondary" id="rotate-secret" onClick={() => setRotating(true)}>
              Rotate secret
            </button>
          </div>
        )}
      </section>
      {c.status === "active" && admin && (
        <ClientLimitsForm destinationId={destinationId} client={c} currencies={currencies} onSaved={replace} />
      )}
      {c.status === "active" && admin && <ClientSigningForm destinationId={destinationId} client={c} onSaved={replace} />}
      <ConnectAgentPanel client={c} destinationId={destinationId} />
      {rotating && (
        <RotateSecretDialog
          destinationId={destinationId}
          client={c}
          onClose={() => {
            setRotating(false);
            focusSoon(() => document.getElementById("rotate-secret"));
          }}
          onRotated={(next) => {
            replace(next);
            announce(`New secret issued for ${next.name}.`);
          }}
        />
      )}
    </div>
  );
}
