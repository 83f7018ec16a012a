import { getOpenApiMetadata } from "@asteasolutions/zod-to-openapi";
import { createRoute, z, type RouteConfig } from "@hono/zod-openapi";
import { requireClientSecret } from "../middleware/client-auth";
import { limitClientReads } from "../middleware/client-read-limit";
import { requireSession } from "../middleware/session-auth";
import { strictQuery, type QueryKeys } from "../middleware/strict-query";
import { DECLARED_CODES, problemResponse, problems } from "../schemas/problem";
import type { ProblemCode } from "./problem";

/** Who may call a route: a signed-in recipient, an orchestrator's client secret, or anyone. */
export type RouteAuth = "session" | "client" | "public";

const SAFE = new Set(["get", "head", "options"]);

function securityFor(auth: RouteAuth, method: string): RouteConfig["security"] {
  if (auth === "client") return [{ clientSecret: [] }];
  if (auth === "session") return [SAFE.has(method) ? { session: [] } : { session: [], csrfToken: [] }];
  return [];
}

const MIDDLEWARE = { session: [requireSession], client: [requireClientSecret], public: [] } as const;

/** The query parameters a route declares: its query schema's keys; `deepObject` ones take `name[key]`. */
function queryKeys(query: unknown): QueryKeys {
  if (!(query instanceof z.ZodObject)) return { names: [], deepObjects: [] };
  const names: string[] = [];
  const deepObjects: string[] = [];
  for (const [key, schema] of Object.entries(query.shape as Record<string, z.ZodType>)) {
    const param = getOpenApiMetadata(schema).param as { style?: string } | undefined;
    (param?.style === "deepObject" ? deepObjects : names).push(key);
  }
  return { names, deepObjects };
}

/**
 * The problems every route can answer whatever it declares: 400 validation_failed (an unknown
 * query parameter), 401 unauthenticated for any authenticated route, 403 csrf_failed for a
 * session route that changes state. The route's own
 * codes for a status are kept, and the entry is rebuilt with the union (enum and examples).
 */
function withAuthProblems(auth: RouteAuth, method: string, responses: RouteConfig["responses"]): RouteConfig["responses"] {
  const extra: [number, ProblemCode][] = [[400, "validation_failed"]];
  // The body guard answers any state change before its route: a body over 16 KiB, not JSON, or not parseable.
  if (!SAFE.has(method)) extra.push([400, "malformed_json"], [413, "payload_too_large"], [415, "unsupported_media_type"]);
  if (auth !== "public") extra.push([401, "unauthenticated"]);
  if (auth === "session" && !SAFE.has(method)) extra.push([403, "csrf_failed"]);
  const out = { ...responses };
  for (const [status, code] of extra) {
    const declared = DECLARED_CODES.get(out[status] as object) ?? [];
    if (declared.includes(code)) continue;
    const codes = [...declared, code];
    const response = problemResponse(codes);
    DECLARED_CODES.set(response, codes);
    out[status] = response;
  }
  return out;
}

/**
 * The one place a route gets its auth: the declared `security` in the OpenAPI
 * document and the middleware that enforces it come from the same `auth`
 * argument, and every route must name one, so a new route cannot silently go
 * unauthenticated. Route middleware runs before the zod validators, so an
 * unauthenticated caller learns nothing about valid input (401 before 400).
 * A route's own `middleware` runs after its auth. Every route names its
 * `operationId`, the method name SDK generators give it.
 */
export function defineRoute<const R extends Omit<RouteConfig, "security"> & { operationId: string }>(auth: RouteAuth, config: R) {
  const own = config.middleware === undefined ? [] : Array.isArray(config.middleware) ? config.middleware : [config.middleware];
  // An orchestrator's reads are also rate limited per credential (its creates are, exactly, in the authority);
  // the 429 is declared where the middleware is added, so no client GET can leave it out.
  const limited = auth === "client" && SAFE.has(config.method);
  const responses = withAuthProblems(auth, config.method, {
    ...(limited ? problems(429) : {}),
    ...problems(500),
    ...config.responses,
  }) as R["responses"];
  return createRoute({
    ...config,
    responses,
    security: securityFor(auth, config.method),
    // Unknown query parameters are refused on every route (API v1.2), after its auth.
    middleware: [...MIDDLEWARE[auth], ...(limited ? [limitClientReads] : []), strictQuery(queryKeys(config.request?.query)), ...own],
  });
}
