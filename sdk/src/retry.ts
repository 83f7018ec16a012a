import { errorFromFailure, retryAfterSeconds } from "./errors.js";

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

/** Whether sending the request again cannot apply it twice: a safe or idempotent method, or a POST with an Idempotency-Key. */
const repeatable = (request: Request) => SAFE_METHODS.has(request.method) || request.headers.has("idempotency-key");

/**
 * Whether a failed attempt may be sent again. 429 means the server did nothing, so any
 * request may. 503, and no answer at all (a network error or timeout), may come after work
 * began, so only a request that cannot apply twice may. Every other status is the caller's to handle.
 */
export function isRetryable(request: Request, status: number | "no_answer"): boolean {
  if (status === 429) return true;
  if (status !== 503 && status !== "no_answer") return false;
  return repeatable(request);
}

/** The wait before try `attempt + 1`: the server's Retry-After, else exponential backoff with full jitter. */
export function backoffMs(attempt: number, response: Response | null, policy: Required<RetryPolicy>, random = Math.random): number {
  const after = response ? retryAfterSeconds(response.headers.get("retry-after"), Date.now()) : null;
  if (after !== null) return after * 1000;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export const defaultSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One try, bounded by `timeoutMs` (0: none); a platform failure becomes a PayrelayError (network_error or timeout). */
async function attemptOnce(fetch: Fetch, request: Request, timeoutMs: number): Promise<Response> {
  const timer = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : null;
  const signal = timer ? (request.signal ? AbortSignal.any([request.signal, timer]) : timer) : request.signal;
  try {
    return await fetch(signal === request.signal ? request : new Request(request, { signal }));
  } catch (cause) {
    // The caller's own abort stays theirs; a timeout or a network failure becomes ours.
    if (request.signal?.aborted) throw cause;
    throw errorFromFailure(cause, request.url, timer?.aborted ?? false, { idempotencyKey: request.headers.get("idempotency-key") });
  }
}

/**
 * A fetch that retries 429, and 503 or no answer when safe, with bounded attempts; each try
 * is bounded by `timeoutMs`. The last answer is returned as is; the last failure is thrown.
 */
export function retryingFetch(fetch: Fetch, policy: RetryPolicy = {}, sleep: Sleep = defaultSleep, timeoutMs = 0): Fetch {
  const p: Required<RetryPolicy> = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000, ...policy };
  return async (request) => {
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= p.maxAttempts;
      let response: Response | null = null;
      try {
        // A Request's body can be read once: every try sends a fresh copy.
        response = await attemptOnce(fetch, last ? request : request.clone(), timeoutMs);
      } catch (error) {
        if (last || request.signal?.aborted || !isRetryable(request, "no_answer")) throw error;
      }
      if (response) {
        if (last || !isRetryable(request, response.status)) return response;
      }
      const wait = backoffMs(attempt, response, p);
      if (wait > p.maxDelayMs) {
        if (response) return response;
      }
      await response?.body?.cancel();
      await sleep(Math.min(wait, p.maxDelayMs));
    }
  };
}
