import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../components/busy-button";
import { SelectField } from "../components/fields";
import { MonoValue } from "../components/mono-value";
import { ProblemAlert } from "../components/problem-alert";
import { announce } from "../lib/announce";
import { api, toProblem } from "../lib/api";
import { formatDateTime } from "../lib/format";
import type { PaymentLink, PaymentRequest, Problem } from "../lib/types";
import { useFocusProblem } from "../lib/use-focus-problem";

const EXPIRIES = [
  { value: "3600", label: "1 hour" },
  { value: "86400", label: "24 hours" },
  { value: "259200", label: "3 days" },
  { value: "604800", label: "7 days (longest)" },
];

/** Creates a public link a payer opens to pay this incoming request. */
export function PaymentLinkPanel({ destinationId, request }: { destinationId: string; request: PaymentRequest }) {
  const [expires, setExpires] = useState("604800");
  const [links, setLinks] = useState<PaymentLink[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLElement>(null);
  useFocusProblem(problem, panel);

  const create = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const path = `/api/destinations/${destinationId}/requests/${request.id}/payment-links`;
      const link = await api.post<PaymentLink>(path, { expiresInSeconds: Number(expires) });
      setLinks((list) => [link, ...list]);
      announce(`Payment link created. It expires ${formatDateTime(link.expiresAt)}.`);
    } catch (error) {
      setProblem(toProblem(error));
    }
    setBusy(false);
  };

  return (
    <section class="card card-pad" aria-labelledby="links-title" ref={panel}>
      <h2 id="links-title">Payment link</h2>
      <p class="muted">Send the payer a link to a page showing the amount, reference and where to pay. Links stop working when they expire.</p>
      <ProblemAlert problem={problem} />
      {request.status === "pending" ? (
        <form class="inline-form" onSubmit={create}>
          <SelectField label="Expires after" value={expires} onValue={setExpires} options={EXPIRIES} />
          <BusyButton type="submit" class="btn btn-primary" busy={busy} busyText="Creating…">
            Create payment link
          </BusyButton>
        </form>
      ) : (
        <p class="muted">This request is {request.status}; it no longer needs a payment link.</p>
      )}
      {links.length > 0 && (
        <ul class="link-list" aria-label="Payment links created now">
          {links.map((l) => (
            <li key={l.id}>
              <MonoValue value={l.url} label="payment link" />
              <span class="muted">
                Expires {formatDateTime(l.expiresAt)} ·{" "}
                <a href={l.url} target="_blank" rel="noopener noreferrer">
                  Open payment page
                </a>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
