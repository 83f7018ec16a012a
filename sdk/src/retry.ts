import { retryAfterSeconds } from "./errors.js";

export type RetryPolicy = {
  /** Total tries, the first included (default 4). 1 turns retries off. */
  maxAttempts?: number;
  /** First backoff when the server names no Retry-After (default 500 ms), doubled per try, with jitter. */
  baseDelayMs?: number;
  /** No single wait exceeds this, Retry-After included (default 30 s): a longer one is answered as an error. */
  maxDelayMs?: number;
};

type Fetch = (request: Request) => Promise<Response>;
export type Sleep = (ms: number) => Promise<void>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/**
 * Whether a failed attempt may be sent again. 429 means the server did nothing, so any
 * request may. 503 may come after work began, so only a request that cannot apply twice
 * may: a safe or idempotent method, or a POST with an Idempotency-Key (the server answers
 * a replay with the first result). Every other status is the caller's to handle.
 */
export function isRetryable(request: Request, status: number): boolean {
  if (status === 429) return true;
  if (status !== 503) return false;
  return SAFE_METHODS.has(request.method) || request.headers.has("idempotency-key");
}

/** The wait before try `attempt + 1`: the server's Retry-After, else exponential backoff with full jitter. */
export function backoffMs(attempt: number, response: Response, policy: Required<RetryPolicy>, random = Math.random): number {
  const after = retryAfterSeconds(response.headers.get("retry-after"), Date.now());
  if (after !== null) return after * 1000;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export const defaultSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fetch that retries 429 and (when safe) 503 with bounded attempts; the last answer is returned as is. */
export function retryingFetch(fetch: Fetch, policy: RetryPolicy = {}, sleep: Sleep = defaultSleep): Fetch {
  const p: Required<RetryPolicy> = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000, ...policy };
  return async (request) => {
    for (let attempt = 1; ; attempt++) {
      // A Request's body can be read once: every try sends a fresh copy.
      const response = await fetch(attempt < p.maxAttempts ? request.clone() : request);
      if (attempt >= p.maxAttempts || !isRetryable(request, response.status)) return response;
      const wait = backoffMs(attempt, response, p);
      if (wait > p.maxDelayMs) return response;
      await response.body?.cancel();
      await sleep(wait);
    }
  };
}
