import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../components/busy-button";
import { SelectField } from "../components/fields";
import { ProblemAlert } from "../components/problem-alert";
import { announce } from "../lib/announce";
import { api, toProblem } from "../lib/api";
import { formatDateTime } from "../lib/format";
import type { PaymentLink, PaymentLinkSummary, PaymentRequest, Problem } from "../lib/types";
import { useFocusProblem } from "../lib/use-focus-problem";
import { useNow } from "../lib/use-now";
import { useResource } from "../lib/use-resource";
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
  const [expires, setExpires] = useState("604800");
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const now = useNow(30_000);
  useFocusProblem(problem, panel);

  const create = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const link = await api.post<PaymentLink>(path, { expiresInSeconds: Number(expires) });
      setUrls((known) => new Map(known).set(link.id, link.url));
      // The list shows it at once; the server would say the same (manual, active, newest).
      const shown: PaymentLinkSummary = {
        id: link.id,
        createdAt: new Date().toISOString(),
        expiresAt: link.expiresAt,
        createdBy: { type: "manual" },
        status: "active",
      };
      history.set({ data: [shown, ...(history.data?.data ?? []).filter((l) => l.id !== link.id)] });
      announce(`Payment link created. It expires ${formatDateTime(link.expiresAt)}.`);
    } catch (error) {
      setProblem(toProblem(error));
    }
    setBusy(false);
  };

  return (
    <section class="card card-pad" aria-labelledby="links-title" ref={panel}>
      <h2 id="links-title">Payment link</h2>
      <p class="muted">
        Send the payer a link to a page showing the amount, reference and where to pay. Links stop working when they expire.
      </p>
      <ProblemAlert problem={problem} />
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
      <h3 id="link-history-title" class="subheading">
        Links for this request
      </h3>
      <ProblemAlert problem={history.problem} />
      {history.loading && !history.data ? (
        <p class="loading">Loading payment links…</p>
      ) : (
        history.data && <PaymentLinkList links={history.data.data} urls={urls} now={now} />
      )}
    </section>
  );
}
