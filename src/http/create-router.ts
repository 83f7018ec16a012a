import { OpenAPIHono, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { fieldErrors, validationSummary } from "../lib/field-messages";
import { ApiError } from "../lib/problem";

/** The one router factory: every validation failure becomes 400 validation_failed. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    strict: true,
    defaultHook: (result, c) => {
      if (!result.success) {
        // The validator passes the raw input as `data` even on failure (untyped): it tells an empty field from a wrong one.
        // API clients read the JSON names they sent; the dashboard's people read words.
        const api = new URL(c.req.url).pathname.startsWith("/v1/");
        throw new ApiError(
          "validation_failed",
          validationSummary(result.error, result.target, api),
          fieldErrors(result.error, "data" in result ? result.data : undefined),
        );
      }
    },
  });
}

export type AppRouter = ReturnType<typeof createRouter>;

/** A handler typed by its route definition (the hono-open-api-starter pattern). */
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;
