import { getOpenApiMetadata } from "@asteasolutions/zod-to-openapi";
import { createRoute, z, type RouteConfig } from "@hono/zod-openapi";
import type { MemberRole } from "../db/schema";
import { requireClientSecret } from "./middleware/client-auth";
import { limitClientReads } from "./middleware/client-read-limit";
import { requestSignature } from "./middleware/request-signature";
import { requireRole } from "./middleware/member-role";
import { requireSession } from "./middleware/session-auth";
import { strictQuery, type QueryKeys } from "./middleware/strict-query";
import { DECLARED_CODES, problemResponse, problems } from "../lib/problem.schemas";
import type { ProblemCode } from "../lib/problem";

/** Who may call a route: a signed-in recipient, an orchestrator's client secret, or anyone. */
export type RouteAuth = "session" | "client" | "public";

const SAFE = new Set(["get", "head", "options"]);

/** Every route under one destination checks the caller's role there (API v1.2 "Teams"). */
export const DESTINATION_SCOPED = "/api/destinations/{destinationId}";

/** What a route may add to its config about roles; both are read here and never reach the document as such. */
type RoleOptions = {
  /** The least role that may call it; by default a read needs `viewer` and a change `admin`. */
  role?: MemberRole;
  /** A path parameter naming a user: that user may call it whatever their role (a member leaves on their own). */
  roleExceptSelf?: string;
};

/**
 * The role a destination-scoped session route needs, from its declaration:
 * what it names, else viewer for a read and admin for a change. Undefined for
 * routes outside a destination (sign-in, the destinations list).
 */
export function roleFor(auth: RouteAuth, method: string, path: string, declared?: MemberRole): MemberRole | undefined {
  if (auth !== "session" || !(path === DESTINATION_SCOPED || path.startsWith(`${DESTINATION_SCOPED}/`))) return undefined;
  return declared ?? (SAFE.has(method) ? "viewer" : "admin");
}

// OpenAPI 3.1 lets a non-OAuth requirement list role names: the document states each route's role.
function securityFor(auth: RouteAuth, method: string, role: MemberRole | undefined): RouteConfig["security"] {
  if (auth === "client") return [{ clientSecret: [] }];
  const session = role === undefined ? [] : [role];
  if (auth === "session") return [SAFE.has(method) ? { session } : { session, csrfToken: [] }];
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
function withAuthProblems(
  auth: RouteAuth,
  method: string,
  role: MemberRole | undefined,
  responses: RouteConfig["responses"],
): RouteConfig["responses"] {
  const extra: [number, ProblemCode][] = [[400, "validation_failed"]];
  // A destination route's role check: a member without the role, and a non-member (as for another's destination).
  if (role !== undefined) extra.push([403, "permission_denied"], [404, "not_found"]);
  // The body guard answers any state change before its route: a body over 16 KiB, not JSON, or not parseable.
  if (!SAFE.has(method)) extra.push([400, "malformed_json"], [413, "payload_too_large"], [415, "unsupported_media_type"]);
  if (auth !== "public") extra.push([401, "unauthenticated"]);
  // Every orchestrator POST is checked for its RFC 9421 signature (http/middleware/request-signature.ts).
  if (auth === "client" && method === "post") extra.push([401, "signature_invalid"]);
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
 * unauthenticated. Likewise a route under `/api/destinations/{destinationId}`
 * gets its role check (requireRole, which also replaces the handler's own
 * ownership query) and its 403/404 from here, so a new one cannot forget it.
 * Route middleware runs before the zod validators, so an unauthenticated
 * caller learns nothing about valid input (401 before 400), and a member
 * without the role learns nothing either (403 before 400). A route's own
 * `middleware` runs after its auth. Every route names its `operationId`, the
 * method name SDK generators give it. A client POST checks its RFC 9421
 * signature (http/middleware/request-signature.ts); `signature: "at-admission"`
 * leaves an unsigned one to the admission.
 */
export function defineRoute<const R extends Omit<RouteConfig, "security"> & { operationId: string } & RoleOptions>(
  auth: RouteAuth,
  config: R,
  options: { signature?: "at-admission" } = {},
) {
  const { role: declared, roleExceptSelf, ...route } = config;
  const own = route.middleware === undefined ? [] : Array.isArray(route.middleware) ? route.middleware : [route.middleware];
  // An orchestrator's reads are also rate limited per credential (its creates are, exactly, in the authority);
  // the 429 is declared where the middleware is added, so no client GET can leave it out.
  const limited = auth === "client" && SAFE.has(route.method);
  // Every orchestrator POST may be signed, and must be when its client requires it (API v1.2).
  const signed = auth === "client" && route.method === "post" ? [requestSignature(options.signature ?? "enforce")] : [];
  const role = roleFor(auth, route.method, route.path, declared);
  const guard = role === undefined ? [] : [requireRole(role, roleExceptSelf)];
  const responses = withAuthProblems(auth, route.method, role, {
    ...(limited ? problems(429) : {}),
    ...problems(500),
    ...route.responses,
  }) as R["responses"];
  const stated = route.description as string | undefined;
  const description = role === undefined ? stated : [stated, `Needs the **${role}** role on the destination.`].filter(Boolean).join("\n\n");
  return createRoute({
    ...(route as Omit<R, "role" | "roleExceptSelf">),
    ...(description === undefined ? {} : { description }),
    responses,
    security: securityFor(auth, route.method, role),
    // Unknown query parameters are refused on every route (API v1.2), after its auth (and role).
    middleware: [
      ...MIDDLEWARE[auth],
      ...(limited ? [limitClientReads] : []),
      ...guard,
      ...signed,
      strictQuery(queryKeys(route.request?.query)),
      ...own,
    ],
  });
}
