import { OpenAPIHono, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import type { AppEnv } from "../env";
import { ApiError, type FieldError } from "./problem";

/** zod issues as the contract's `errors`: dotted paths, one message each. */
export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

/** The one router factory: every validation failure becomes 400 validation_failed. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    strict: true,
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === "json" ? "body" : result.target;
        throw new ApiError("validation_failed", `The request ${where} has invalid fields.`, fieldErrors(result.error));
      }
    },
  });
}

export type AppRouter = ReturnType<typeof createRouter>;

/** A handler typed by its route definition (the hono-open-api-starter pattern). */
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;
