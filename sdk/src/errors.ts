import type { components } from "./schema.js";

/** Every problem code the API can answer, as the OpenAPI document's enum lists it. */
export type ProblemCode = components["schemas"]["Problem"]["code"];
export type Problem = components["schemas"]["Problem"];
/**
 * A problem code; `unexpected_response` for an answer that was not Payrelay's problem+json (a proxy's 502 page, say);
 * `network_error` when no answer came (DNS, refused connection, reset); `timeout` when none came in time.
 */
export type PayrelayErrorCode = ProblemCode | "unexpected_response" | "network_error" | "timeout";

/** What a failed call knew about itself: its Request-Id and, for a create, the Idempotency-Key it used. */
export type CallContext = { idempotencyKey?: string | null };

/**
 * A call that did not succeed: Payrelay's problem+json read into fields, or no answer at all
 * (`status` 0, `code` network_error or timeout, `cause` the platform's error).
 */
export class PayrelayError extends Error {
  readonly status: number;
  readonly code: PayrelayErrorCode;
  readonly detail: string;
  readonly errors: { path: string; message: string }[];
  /** The server's Retry-After, in seconds, when it sent one (429, 503). */
  readonly retryAfterSeconds: number | null;
  /** The answer's Request-Id: quote it when asking Payrelay about this call. Null when no answer came. */
  readonly requestId: string | null;
  /**
   * The Idempotency-Key the call was sent with (a create's, generated or yours), null otherwise.
   * Retry a failed create with `{ idempotencyKey: error.idempotencyKey }`: it cannot create twice.
   */
  readonly idempotencyKey: string | null;

  constructor(
    /** The problem+json body; null when the answer was not one, or when none came. */
    readonly problem: Problem | null,
    /** The answer; null when none came (network error, timeout). */
    readonly response: Response | null,
    fallbackDetail = "",
    context: CallContext & { code?: "network_error" | "timeout"; cause?: unknown } = {},
  ) {
    const code = problem?.code ?? context.code ?? "unexpected_response";
    const detail = problem?.detail ?? fallbackDetail;
    super(`${response?.status ?? 0} ${code}: ${detail}`, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = "PayrelayError";
    this.status = response?.status ?? 0;
    this.code = code;
    this.detail = detail;
    this.errors = problem?.errors ?? [];
    this.retryAfterSeconds = retryAfterSeconds(response?.headers.get("retry-after") ?? null, Date.now());
    this.requestId = response?.headers.get("request-id") ?? problem?.requestId ?? null;
    this.idempotencyKey = context.idempotencyKey ?? null;
  }
}

const isProblem = (body: unknown): body is Problem =>
  typeof body === "object" && body !== null && typeof (body as Problem).code === "string" && typeof (body as Problem).status === "number";

/** The error for a non-2xx response; reads its body. */
export async function errorFromResponse(response: Response, context: CallContext = {}): Promise<PayrelayError> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: an unexpected answer, described by its status and start
  }
  if (isProblem(body)) return new PayrelayError(body, response, "", context);
  return new PayrelayError(null, response, `Unexpected ${response.status} answer that is not problem+json: ${text.slice(0, 200)}`, context);
}

/** The error for a call that got no answer: the platform's fetch threw, or the timeout fired. */
export function errorFromFailure(cause: unknown, url: string, timedOut: boolean, context: CallContext = {}): PayrelayError {
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return timedOut
    ? new PayrelayError(null, null, `No answer from ${host} in time.`, { ...context, code: "timeout", cause })
    : new PayrelayError(null, null, `Could not reach ${host}: ${reason}`, { ...context, code: "network_error", cause });
}

/** Retry-After as seconds from now: delta-seconds or an HTTP date (RFC 9110); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number): number | null {
  if (header === null || header.trim() === "") return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}
