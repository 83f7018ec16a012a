import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { requireClientSecret } from "../middleware/client-auth";
import { limitClientReads } from "../middleware/client-read-limit";
import { requestSignature } from "../middleware/request-signature";
import { requireSession } from "../middleware/session-auth";
import { problems } from "../schemas/problem";

/** Who may call a route: a signed-in recipient, an orchestrator's client secret, or anyone. */
export type RouteAuth = "session" | "client" | "public";

const SAFE = new Set(["get", "head", "options"]);

function securityFor(auth: RouteAuth, method: string): RouteConfig["security"] {
  if (auth === "client") return [{ clientSecret: [] }];
  if (auth === "session") return [SAFE.has(method) ? { session: [] } : { session: [], csrfToken: [] }];
  return [];
}

const MIDDLEWARE = { session: [requireSession], client: [requireClientSecret], public: [] } as const;

/**
 * The one place a route gets its auth: the declared `security` in the OpenAPI
 * document and the middleware that enforces it come from the same `auth`
 * argument, and every route must name one, so a new route cannot silently go
 * unauthenticated. Route middleware runs before the zod validators, so an
 * unauthenticated caller learns nothing about valid input (401 before 400).
 * A route's own `middleware` runs after its auth. A client POST checks its
 * RFC 9421 signature (middleware/request-signature.ts); `signature:
 * "at-admission"` leaves an unsigned one to the admission. Every route names its
 * `operationId`, the method name SDK generators give it.
 */
export function defineRoute<const R extends Omit<RouteConfig, "security"> & { operationId: string }>(
  auth: RouteAuth,
  config: R,
  options: { signature?: "at-admission" } = {},
) {
  const own = config.middleware === undefined ? [] : Array.isArray(config.middleware) ? config.middleware : [config.middleware];
  // An orchestrator's reads are also rate limited per credential (its creates are, exactly, in the authority);
  // the 429 is declared where the middleware is added, so no client GET can leave it out.
  const limited = auth === "client" && SAFE.has(config.method);
  // Every orchestrator POST may be signed, and must be when its client requires it (API v1.2).
  const signed = auth === "client" && config.method === "post" ? [requestSignature(options.signature ?? "enforce")] : [];
  const responses = (limited ? { ...problems(429), ...config.responses } : config.responses) as R["responses"];
  return createRoute({
    ...config,
    responses,
    security: securityFor(auth, config.method),
    middleware: [...MIDDLEWARE[auth], ...(limited ? [limitClientReads] : []), ...signed, ...own],
  });
}
