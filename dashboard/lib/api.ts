import type { Problem } from "./types";

/** An API answer that was not 2xx, carrying its RFC 9457 problem. */
export class ProblemResponse extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

/** Remembers the session's CSRF token; every state-changing call sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a signed-in call answers 401, so the app can return to sign-in. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value && "detail" in value;
}

async function toError(res: Response): Promise<ProblemResponse> {
  const body: unknown = await res.json().catch(() => null);
  if (isProblem(body)) return new ProblemResponse(body);
  return new ProblemResponse({
    type: "about:blank",
    title: res.statusText || "Error",
    status: res.status,
    detail: `Payrelay answered ${res.status}. Please try again.`,
    code: "unexpected_response",
  });
}

async function call<T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T> {
  const hasBody = method === "POST" || method === "PATCH";
  const headers: Record<string, string> = { Accept: "application/json" };
  if (hasBody) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: hasBody ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch {
    throw new ProblemResponse({
      type: "about:blank",
      title: "Network error",
      status: 0,
      detail: "Could not reach Payrelay. Check your connection and try again.",
      code: "network_error",
    });
  }
  if (!res.ok) {
    const error = await toError(res);
    if (res.status === 401 && !path.startsWith("/api/auth/") && path !== "/api/me") onUnauthenticated();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The dashboard's only way to talk to the API. */
export const api = {
  get: <T>(path: string): Promise<T> => call<T>("GET", path),
  post: <T>(path: string, body?: unknown): Promise<T> => call<T>("POST", path, body),
  patch: <T>(path: string, body: unknown): Promise<T> => call<T>("PATCH", path, body),
  delete: (path: string): Promise<void> => call<void>("DELETE", path),
};

/** Turns anything thrown into a problem the UI can show. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemResponse) return error.problem;
  const detail = error instanceof Error ? error.message : "Something went wrong.";
  return { type: "about:blank", title: "Error", status: 0, detail, code: "client_error" };
}
