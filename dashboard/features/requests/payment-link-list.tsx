import type { ComponentChildren } from "preact";
import { MonoValue } from "../../components/mono-value";
import { StatusBadge } from "../../components/status-badge";
import { formatDateTime } from "../../lib/format";
import type { PaymentLinkSummary } from "../../lib/types";

interface Props {
  links: PaymentLinkSummary[];
  /** URLs of the links created in this visit: the server keeps only their tokens' hashes. */
  urls: ReadonlyMap<string, string>;
  now: number;
  /** Shows a client by its name, linked: "client Acme billing". */
  client: (id: string) => ComponentChildren;
}

function creator(by: PaymentLinkSummary["createdBy"], client: Props["client"]) {
  return by.type === "manual" ? "you, in the dashboard" : <>client {client(by.clientId)}</>;
}

/** Every link of a request, newest first; a URL only where this visit created it. */
export function PaymentLinkList({ links, urls, now, client }: Props) {
  if (links.length === 0) return <p class="muted">No payment links yet.</p>;
  return (
    <ul class="link-list" aria-labelledby="link-history-title" data-testid="payment-links">
      {links.map((l) => {
        const url = urls.get(l.id);
        // The server's status was true when the list loaded; a link can expire while the page is open.
        const expired = l.status === "expired" || Date.parse(l.expiresAt) <= now;
        return (
          <li key={l.id} data-link-id={l.id}>
            <span class="link-meta">
              <StatusBadge status={expired ? "expired" : "active"} />
              <span>
                {expired ? "Expired" : "Expires"} {formatDateTime(l.expiresAt)}
              </span>
            </span>
            <span class="muted">
              Created {formatDateTime(l.createdAt)} by {creator(l.createdBy, client)}
            </span>
            {url ? (
              <>
                <MonoValue value={url} label="payment link" />
                {!expired && (
                  <span>
                    <a href={url} target="_blank" rel="noopener noreferrer">
                      Open payment page<span class="visually-hidden"> (opens in a new tab)</span>
                    </a>
                  </span>
                )}
              </>
            ) : (
              <span class="muted">
                {/* Only the token's hash is stored, so an earlier link's address cannot be shown again. */}
                Link address not shown: Payrelay stores it only as a hash. Create a new link to share it again.
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
