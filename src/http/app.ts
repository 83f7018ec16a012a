import { HTTPException } from "hono/http-exception";
import { createRouter } from "./create-router";
import { ApiError, PROBLEMS, problemResponse, type ProblemCode } from "../lib/problem";
import { bodyGuard } from "./middleware/body-guard";
import { requireClientSecret } from "./middleware/client-auth";
import { requireSession } from "./middleware/session-auth";
import { apiHeaders } from "./middleware/security-headers";
import auth from "./routes/dashboard/auth/auth.index";
import clients from "./routes/dashboard/clients/clients.index";
import destinations from "./routes/dashboard/destinations/destinations.index";
import members from "./routes/dashboard/members/members.index";
import requests from "./routes/dashboard/requests/requests.index";
import webhooks from "./routes/dashboard/webhooks/webhooks.index";
import { registerDocs } from "./routes/docs/docs.index";
// Called on the app itself: a mounted router's webhook names would get its mount path's "/" prefix.
import { registerWebhookDocs } from "./routes/docs/webhook-docs";
import mcp from "./routes/mcp/mcp.index";
import publicRoutes from "./routes/public/public.index";
import v1 from "./routes/v1/v1.index";
import v1Webhooks from "./routes/v1/webhooks/webhooks.index";

/** Hono's own HTTPExceptions (its JSON parser, body limit, routing) by status; any other is our bug, a 500. */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ProblemCode>> = {
  400: "malformed_json",
  401: "unauthenticated",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/** A recipient's resources; an unknown path below them is the recipient's business only. */
const isSessionPath = (path: string) => path.startsWith("/api/destinations/");

/** The Worker's HTTP surface: /api (dashboard), /v1 (orchestrators), /mcp (agents), /api/public, /openapi.json, /docs. */
export function createApp() {
  const app = createRouter();
  app.use("*", apiHeaders);
  // Before the body guard: /mcp checks the client secret before it reads any body (src/http/routes/mcp).
  app.route("/", mcp);
  app.use("*", bodyGuard);
  for (const router of [auth, destinations, clients, members, requests, v1, publicRoutes, webhooks, v1Webhooks]) app.route("/", router);
  registerWebhookDocs(app);
  registerDocs(app);

  // An unknown path asks for the prefix's credentials first, so probing reveals no routes to strangers.
  app.notFound(async (c) => {
    const path = new URL(c.req.url).pathname;
    const guard = path.startsWith("/v1/") ? requireClientSecret : isSessionPath(path) ? requireSession : null;
    if (guard) await guard(c, async () => {}); // throws the prefix's 401/403
    return problemResponse(new ApiError("not_found", `No route for ${c.req.method} ${path}.`), c.get("requestId"));
  });
  app.onError((err, c) => {
    const requestId = c.get("requestId");
    if (err instanceof ApiError) return problemResponse(err, requestId);
    const code = err instanceof HTTPException ? HTTP_EXCEPTION_CODES[err.status] : undefined;
    if (code) return problemResponse(new ApiError(code, err.message || PROBLEMS[code].title), requestId);
    // Logged once, here; the client learns only that it was not its fault.
    console.error("unhandled error", requestId, c.req.method, new URL(c.req.url).pathname, err instanceof Error ? err.stack : err);
    return problemResponse(
      new ApiError(
        "internal_error",
        "Something went wrong on our side. Nothing was created twice; it is safe to retry with the same Idempotency-Key.",
      ),
      requestId,
    );
  });
  return app;
}
