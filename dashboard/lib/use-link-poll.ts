import { useEffect } from "preact/hooks";
import { api } from "./api";
import type { PayLink } from "./pay-link";

const POLL_MS = 3000;

/**
 * While `link` still takes a payment (pending, partially paid, processing),
 * re-reads it every few seconds and hands each answer to `onLink`: a payment
 * made elsewhere (another wallet, a proxy) is detected on-chain and the page
 * turns paid by itself. The effect is keyed on the status, so leaving those
 * (or the page) clears the timer: no request runs once the payer has nothing
 * left to wait for. Failed reads are skipped, not shown: the next tick tries again.
 */
export function useLinkPoll(token: string, link: PayLink | null, onLink: (next: PayLink) => void): void {
  const waiting = link !== null && (link.status === "processing" || link.status === "pending" || link.status === "partially_paid");
  useEffect(() => {
    if (!waiting) return;
    let stopped = false;
    const timer = setInterval(() => {
      api.get<PayLink>(`/api/public/payment-links/${encodeURIComponent(token)}`).then(
        (next) => {
          if (!stopped) onLink(next);
        },
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [token, waiting]);
}
