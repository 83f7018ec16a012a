import { useEffect, useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { CopyButton } from "../../components/copy-button";
import { SelectField } from "../../components/fields";
import { LoadProblem } from "../../components/load-problem";
import { ProblemAlert } from "../../components/problem-alert";
import { announce } from "../../lib/announce";
import { api } from "../../lib/api";
import { focusSoon } from "../../lib/focus";
import { formatAmount, formatDateTime } from "../../lib/format";
import type { Destination, PaymentLink, PaymentLinkSummary, PaymentRequest } from "../../lib/types";
import { useSubmit } from "../../lib/use-submit";
import { useNow } from "../../lib/use-now";
import { useResource } from "../../lib/use-resource";
import { useClientNames } from "../../lib/use-clients";
import { ClientRef } from "../../components/client-ref";
import { DisplayNameForm } from "../destinations/display-name-form";
import { PaymentLinkList } from "./payment-link-list";

const EXPIRIES = [
  { value: "3600", label: "1 hour" },
  { value: "86400", label: "24 hours" },
  { value: "259200", label: "3 days" },
  { value: "604800", label: "7 days (longest)" },
];

/** Creates a public link a payer opens to pay this incoming request, and lists the earlier ones. */
export function PaymentLinkPanel({
  destinationId,
  request,
  canCreate,
}: {
  destinationId: string;
  request: PaymentRequest;
  canCreate: boolean;
}) {
  const path = `/api/destinations/${destinationId}/requests/${request.id}/payment-links`;
  const history = useResource(path, () => api.get<{ data: PaymentLinkSummary[] }>(path));
  // Payers see "Payment request" with no name until the destination has a display name: ask for it here, where links are made.
  const dest = useResource(`destination:${destinationId}`, () => api.get<Destination>(`/api/destinations/${destinationId}`));
  // Once asked, the prompt stays (showing what was saved), so focus after saving has somewhere to land.
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (dest.data && !dest.data.displayName) setAsking(true);
  }, [dest.data]);
  const [expires, setExpires] = useState("604800");
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map());
  // The link just made: its URL is on screen this once, so the panel says so and puts Copy under focus.
  const [fresh, setFresh] = useState<PaymentLink | null>(null);
  const panel = useRef<HTMLElement>(null);
  const now = useNow(30_000);
  const names = useClientNames(destinationId);

  const {
    submit: create,
    busy,
    problem,
  } = useSubmit(panel, async () => {
    const link = await api.post<PaymentLink>(path, { expiresInSeconds: Number(expires) });
    setUrls((known) => new Map(known).set(link.id, link.url));
    setFresh(link);
    // Not on "Create payment link": a second Enter there would make a second link.
    focusSoon(() => panel.current?.querySelector<HTMLElement>("[data-fresh-link] .copy-button"));
    // The list shows it at once; the server would say the same (manual, active, newest).
    const shown: PaymentLinkSummary = {
      id: link.id,
      createdAt: new Date().toISOString(),
      expiresAt: link.expiresAt,
      createdBy: { type: "manual" },
      status: "active",
    };
    history.set({ data: [shown, ...(history.data?.data ?? []).filter((l) => l.id !== link.id)] });
    announce(`Payment link created. Copy it now: it is not shown again. It expires ${formatDateTime(link.expiresAt)}.`);
  });

  return (
    <section class="card card-pad" aria-labelledby="links-title" ref={panel}>
      <h2 id="links-title">Payment link</h2>
      <p class="muted">
        Send the payer a link to a page showing the amount, reference and where to pay. Links stop working when they expire.
      </p>
      <ProblemAlert problem={problem} />
      {canCreate && request.status === "pending" && asking && dest.data && (
        <div class="display-name-prompt" data-testid="display-name-prompt">
          <p>Payers will not see who is asking: add the name they know you by before you send the link.</p>
          <DisplayNameForm destination={dest.data} onSaved={dest.set} />
        </div>
      )}
      {!canCreate ? null : request.status === "pending" ? (
        <form class="inline-form" onSubmit={create}>
          <SelectField label="Expires after" value={expires} onValue={setExpires} options={EXPIRIES} />
          <BusyButton type="submit" class="btn btn-primary" busy={busy} busyText="Creating…">
            Create payment link
          </BusyButton>
        </form>
      ) : (
        <p class="muted">This request is {request.status}; it no longer needs a payment link.</p>
      )}
      {fresh && <FreshLink link={fresh} request={request} />}
      <h3 id="link-history-title" class="subheading">
        Links for this request
      </h3>
      <LoadProblem
        problem={history.problem}
        onRetry={history.reload}
        what="payment links"
        heading={() => document.getElementById("link-history-title")}
      />
      {history.loading && !history.data ? (
        <p class="loading">Loading payment links…</p>
      ) : (
        history.data && (
          <PaymentLinkList
            links={history.data.data}
            urls={urls}
            now={now}
            client={(id) => <ClientRef destinationId={destinationId} clientId={id} names={names} />}
          />
        )
      )}
    </section>
  );
}

/** A link's URL the one time it can be shown: a warning, Copy, and "Email to payer" when the request has an email. */
function FreshLink({ link, request }: { link: PaymentLink; request: PaymentRequest }) {
  const email = request.payer?.email;
  const subject = `Payment request: ${formatAmount(request.amount)} ${request.currency}${request.reference ? ` (${request.reference})` : ""}`;
  const body = `Hello${request.payer?.name ? ` ${request.payer.name}` : ""},\n\nYou can pay here until ${formatDateTime(link.expiresAt)}:\n${link.url}\n`;
  return (
    <div class="alert alert-warning fresh-link" data-fresh-link data-testid="fresh-link" role="group" aria-labelledby="fresh-link-title">
      <p class="alert-title" id="fresh-link-title">
        Copy the payment link now
      </p>
      <p>It is shown only this once: Payrelay keeps just a hash of it, so after you leave or reload this page it cannot be shown again.</p>
      <p class="mono-value mono-value-full">
        <code class="mono">{link.url}</code>
      </p>
      <div class="button-row">
        <CopyButton value={link.url} label="payment link" />
        {email && (
          <a
            class="btn btn-secondary btn-sm"
            href={`mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`}
          >
            Email to payer<span class="visually-hidden"> ({email})</span>
          </a>
        )}
      </div>
    </div>
  );
}
