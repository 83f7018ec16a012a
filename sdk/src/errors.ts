import type { components } from "./schema.js";

/** Every problem code the API can answer, as the OpenAPI document's enum lists it. */
export type ProblemCode = components["schemas"]["Problem"]["code"];
export type Problem = components["schemas"]["Problem"];
/** A problem code, or `unexpected_response` for an answer that was not Payrelay's problem+json (a proxy's 502 page, say). */
export type PayrelayErrorCode = ProblemCode | "unexpected_response";

/** A non-2xx answer: Payrelay's problem+json, read into fields, with the response it came in. */
export class PayrelayError extends Error {
  readonly status: number;
  readonly code: PayrelayErrorCode;
  readonly detail: string;
  readonly errors: { path: string; message: string }[];
  /** The server's Retry-After, in seconds, when it sent one (429, 503). */
  readonly retryAfterSeconds: number | null;

  constructor(
    /** The problem+json body; null when the answer was not one. */
    readonly problem: Problem | null,
    readonly response: Response,
    fallbackDetail = "",
  ) {
    const code = problem?.code ?? "unexpected_response";
    const detail = problem?.detail ?? fallbackDetail;
    super(`${response.status} ${code}: ${detail}`);
    this.name = "PayrelayError";
    this.status = response.status;
    this.code = code;
    this.detail = detail;
    this.errors = problem?.errors ?? [];
    this.retryAfterSeconds = retryAfterSeconds(response.headers.get("retry-after"), Date.now());
  }
}

const isProblem = (body: unknown): body is Problem =>
  typeof body === "object" && body !== null && typeof (body as Problem).code === "string" && typeof (body as Problem).status === "number";

/** The error for a non-2xx response; reads its body. */
export async function errorFromResponse(response: Response): Promise<PayrelayError> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: an unexpected answer, described by its status and start
  }
  if (isProblem(body)) return new PayrelayError(body, response);
  return new PayrelayError(null, response, `Unexpected ${response.status} answer that is not problem+json: ${text.slice(0, 200)}`);
}

/** Retry-After as seconds from now: delta-seconds or an HTTP date (RFC 9110); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number): number | null {
  if (header === null || header.trim() === "") return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}
