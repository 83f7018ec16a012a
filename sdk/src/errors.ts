import type { components } from "./schema.js";

/** Every problem code the API can answer, as the OpenAPI document's enum lists it. */
export type ProblemCode = components["schemas"]["Problem"]["code"];
export type Problem = components["schemas"]["Problem"];

/**
 * A non-2xx answer. Payrelay answers problem+json with a stable `code`; anything else
 * (a proxy's HTML 502, say) keeps its status and gets the code of the nearest kind.
 */
export class PayrelayError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail: string;
  readonly errors: { path: string; message: string }[];
  /** The server's Retry-After, in seconds, when it sent one (429, 503). */
  readonly retryAfterSeconds: number | null;

  constructor(
    readonly problem: Problem,
    readonly response: Response,
  ) {
    super(`${problem.status} ${problem.code}: ${problem.detail}`);
    this.name = "PayrelayError";
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
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
    // not JSON: described below from the status alone
  }
  if (isProblem(body)) return new PayrelayError(body, response);
  const code: ProblemCode = response.status >= 500 ? "internal_error" : response.status === 429 ? "rate_limited" : "not_found";
  const detail = `Unexpected ${response.status} answer that is not problem+json: ${text.slice(0, 200)}`;
  return new PayrelayError({ type: "about:blank", title: response.statusText, status: response.status, code, detail }, response);
}

/** Retry-After as seconds from now: delta-seconds or an HTTP date (RFC 9110); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number): number | null {
  if (header === null || header.trim() === "") return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}
