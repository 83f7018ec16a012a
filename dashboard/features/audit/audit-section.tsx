import type { ComponentChildren } from "preact";
import { DataTable } from "../../components/data-table";
import { useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { ClientRef } from "../../components/client-ref";
import { Link } from "../../components/link";
import { EmptyState } from "../../components/empty-state";
import { MonoValue } from "../../components/mono-value";
import { LoadProblem } from "../../components/load-problem";
import { ProblemAlert } from "../../components/problem-alert";
import { ShortTime } from "../../components/short-time";
import { api, toProblem } from "../../lib/api";
import { middleTruncate } from "../../lib/format";
import { focusSoon } from "../../lib/focus";
import type { AuditEntry, Destination, Member, Page, Problem } from "../../lib/types";
import { useClientNames, useClients } from "../../lib/use-clients";
import { SelectField } from "../../components/fields";
import { announce } from "../../lib/announce";
import { useSession } from "../../lib/session";
import { useResource } from "../../lib/use-resource";
import { AuditDetails } from "./audit-details";

const ACTIONS: Record<string, string> = {
  "destination.claimed": "Claimed the destination",
  "client.created": "Created a client ID",
  "client.limits_changed": "Changed a client's limits",
  "client.secret_rotated": "Rotated a client secret",
  "client.revoked": "Revoked a client ID",
  "request.approved": "Approved a request",
  "request.rejected": "Rejected a request",
  "request.cancelled": "Cancelled a request",
  "request.expired": "A request expired",
  "request.marked_paid": "Marked a request paid",
  "request.refunded": "Recorded a refund",
  "client.signing_changed": "Changed a client's request signing",
  "webhook_endpoint.created": "Added a webhook endpoint",
  "webhook_endpoint.deleted": "Deleted a webhook endpoint",
  "webhook_endpoint.secret_rotated": "Rotated a webhook secret",
  "member.invited": "Invited a member",
  "member.invitation_withdrawn": "Withdrew an invitation",
  "member.joined": "Joined as a member",
  "member.role_changed": "Changed a member's role",
  "member.removed": "Removed a member",
};

function actorText(a: AuditEntry["actor"], me: string, client: (id: string) => ComponentChildren): ComponentChildren {
  if (a.type === "client" && a.clientId) return client(a.clientId);
  if (a.type === "client") return "A client";
  if (a.type === "system") return "Payrelay (automatic)";
  if (a.userId === me) return `You (${a.email ?? "signed-in member"})`;
  return a.email ?? "A member (recorded before teams)";
}

/** A member.* entry's details name the person acted on; others show their target (a client's name, a request's link). */
function targetOf(e: AuditEntry, target: (t: AuditEntry["target"]) => ComponentChildren): ComponentChildren {
  const email = typeof e.details.email === "string" ? e.details.email : null;
  if (email && (e.target.type === "member" || e.target.type === "invitation")) return <span>{email}</span>;
  return target(e.target);
}

/** Who did what under this destination, newest first, a page at a time. */
export function AuditSection({ destination }: { destination: Destination }) {
  const me = useSession().session.user.id;
  const [actor, setActor] = useState("");
  const url = `/api/destinations/${destination.id}/audit${actor ? `?actor=${encodeURIComponent(actor)}` : ""}`;
  const people = useActors(destination);
  const first = useResource(url, () => {
    setMore([]);
    setCursor(undefined);
    return api.get<Page<AuditEntry>>(url);
  });
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const entries = [...(first.data?.data ?? []), ...more];
  const names = useClientNames(destination.id);
  const client = (id: string) => <ClientRef destinationId={destination.id} clientId={id} names={names} />;
  const target = (t: AuditEntry["target"]) =>
    t.type === "client" ? (
      client(t.id)
    ) : t.type === "request" ? (
      <Link href={`/destinations/${destination.id}/requests/${t.id}`} class="mono">
        {middleTruncate(t.id)}
      </Link>
    ) : (
      <MonoValue value={t.id} label={`${t.type.replace("_", " ")} ID`} truncate />
    );
  const next = cursor === undefined ? first.data?.nextCursor : cursor;

  const loadMore = async () => {
    if (!next || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const page = await api.get<Page<AuditEntry>>(`${url}${actor ? "&" : "?"}cursor=${encodeURIComponent(next)}`);
      const firstNew = page.data[0]?.id;
      setMore((m) => [...m, ...page.data]);
      setCursor(page.nextCursor);
      // Reading continues at the first entry that just arrived.
      if (firstNew) focusSoon(() => document.querySelector<HTMLElement>(`tr[data-audit-id="${firstNew}"] td`));
    } catch (error) {
      setProblem(toProblem(error));
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="audit-title">
      <div class="section-header">
        <div>
          <h2 id="audit-title">Audit log</h2>
          <p class="muted">Every change to this destination's client IDs, requests and webhooks: who, what and when.</p>
        </div>
      </div>
      <div class="inline-form">
        <SelectField
          label="Who"
          value={actor}
          onValue={(v) => {
            setActor(v);
            announce(v ? `Showing entries by ${people.find((p) => p.value === v)?.label ?? v}.` : "Showing everyone's entries.");
          }}
          options={[{ value: "", label: "Everyone" }, ...people]}
        />
      </div>
      <ProblemAlert problem={problem} />
      {first.problem ? (
        <LoadProblem
          problem={first.problem}
          onRetry={first.reload}
          what="the audit log"
          heading={() => document.getElementById("audit-title")}
        />
      ) : first.loading && !first.data ? (
        <p class="loading">Loading the audit log…</p>
      ) : entries.length === 0 ? (
        <EmptyState title={actor ? "Nothing by this actor" : "Nothing recorded yet"}>
          Actions appear here as soon as they happen.
        </EmptyState>
      ) : (
        <div class="card">
          <DataTable columns={["When", "Who", "What", "On"]}>
            {entries.map((e) => (
              <tr key={e.id} data-audit-id={e.id}>
                <td data-label="When">
                  <ShortTime iso={e.at} />
                </td>
                <td data-label="Who">{actorText(e.actor, me, client)}</td>
                <td data-label="What">
                  <span class="audit-action">{ACTIONS[e.action] ?? e.action}</span>
                  <AuditDetails entry={e} client={client} />
                </td>
                <td data-label="On">{targetOf(e, target)}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
      {next && (
        <div class="form-actions">
          <BusyButton class="btn btn-secondary" onClick={() => void loadMore()} busy={busy} busyText="Loading…">
            Show older entries
          </BusyButton>
        </div>
      )}
    </section>
  );
}

/** Who may appear in the filter: the members, the client IDs, and Payrelay itself. */
function useActors(destination: Destination) {
  const base = `/api/destinations/${destination.id}`;
  const members = useResource(`members:${destination.id}`, () => api.get<{ data: Member[] }>(`${base}/members`));
  const clients = useClients(destination.id);
  return [
    ...(members.data?.data ?? []).map((m) => ({ value: m.userId, label: m.email })),
    ...(clients.data?.data ?? []).map((c) => ({ value: c.id, label: `Client ${c.name}` })),
    { value: "system", label: "Payrelay (automatic)" },
  ];
}
