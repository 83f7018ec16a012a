import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env";
import { ApiError } from "../../lib/problem";

/** Query keys a route declares, and whether it takes `metadata[key]` filters (a deepObject parameter). */
export type QueryKeys = { names: readonly string[]; deepObjects: readonly string[] };

/**
 * An unknown query parameter is 400 validation_failed naming it, as an unknown
 * body field is (API v1.2): `?reference=…` on a route that has no such filter
 * must not quietly answer everything. Runs after the route's auth, so a
 * stranger learns nothing about the parameters.
 */
export function strictQuery({ names, deepObjects }: QueryKeys): MiddlewareHandler<AppEnv> {
  const known = new Set(names);
  const deep = deepObjects.map((name) => new RegExp(`^${name}\\[[^\\[\\]]+\\]$`));
  return createMiddleware<AppEnv>(async (c, next) => {
    const unknown = [...new URL(c.req.url).searchParams.keys()].filter((k) => !known.has(k) && !deep.some((re) => re.test(k)));
    if (unknown.length > 0) {
      const list = [...new Set(unknown)];
      const accepted = [...names, ...deepObjects.map((d) => `${d}[key]`)];
      throw new ApiError(
        "validation_failed",
        `Unknown query parameter${list.length === 1 ? "" : "s"}: ${list.join(", ")}. ${
          accepted.length === 0 ? "This route takes none." : `This route takes: ${accepted.join(", ")}.`
        }`,
        list.map((k) => ({ path: k, message: "This API does not know this query parameter; remove it." })),
      );
    }
    await next();
  });
}
