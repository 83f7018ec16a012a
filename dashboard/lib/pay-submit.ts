import { ProblemResponse, api } from "./api";
import type { PayLink } from "./pay-link";

/**
 * How long to wait before each new check of a hash Payrelay has not seen yet.
 * From the page's wallet the transaction is surely broadcast, so it is mined
 * within seconds. A pasted hash may still be on its way, or typed from another
 * network: two quick checks, then one a minute (Payrelay remembers an unknown
 * hash for a minute, so checking sooner would only hear the same answer), and
 * then the payer is told plainly. At most 10 submissions a minute per link.
 */
export const WALLET_DELAYS_MS: readonly number[] = Array<number>(9).fill(3000);
export const PASTE_DELAYS_MS: readonly number[] = [5000, 15000, 65000, 65000, 65000];

/** Between checks: which one is next and when, for the page's "not seen yet" line. */
export type Waiting = { txHash: string; nextInSeconds: number };

/** Set `stopped` to end the checking early (the payer pressed "Stop checking", or left). */
export type Checking = { stopped: boolean };

const sleep = (ms: number, check: Checking) =>
  new Promise<void>((resolve) => {
    const started = Date.now();
    const tick = setInterval(() => {
      if (check.stopped || Date.now() - started >= ms) {
        clearInterval(tick);
        resolve();
      }
    }, 250);
  });

/**
 * Submits a transaction hash for the link; while Payrelay answers
 * `payment_not_found` (not mined, or not seen yet) it waits and asks again,
 * saying so through `onWaiting`. Any other answer ends it. Resolves to the link
 * as Payrelay now sees it, or null when stopped.
 */
export async function submitHash(
  token: string,
  txHash: string,
  delays: readonly number[],
  onWaiting: (w: Waiting | null) => void,
  check: Checking = { stopped: false },
): Promise<PayLink | null> {
  const path = `/api/public/payment-links/${encodeURIComponent(token)}/payments`;
  for (let attempt = 0; ; attempt++) {
    try {
      const next = await api.post<PayLink>(path, { txHash });
      onWaiting(null);
      return next;
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !(error instanceof ProblemResponse) || error.code !== "payment_not_found") {
        onWaiting(null);
        throw error;
      }
      onWaiting({ txHash, nextInSeconds: Math.round(delay / 1000) });
      await sleep(delay, check);
      if (check.stopped) {
        onWaiting(null);
        return null;
      }
    }
  }
}
