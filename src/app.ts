import { HTTPException } from "hono/http-exception";
import { createRouter } from "./lib/create-router";
import { ApiError, problemResponse } from "./lib/problem";
import { bodyGuard } from "./middleware/body-guard";
import { apiHeaders } from "./middleware/security-headers";
import { requireSession } from "./middleware/session-auth";
import auth from "./routes/auth/auth.index";
import clients from "./routes/clients/clients.index";
import destinations from "./routes/destinations/destinations.index";
import { registerDocs } from "./routes/docs/docs.index";
import orchestrator from "./routes/orchestrator/orchestrator.index";
import publicRoutes from "./routes/public/public.index";
import requests from "./routes/requests/requests.index";

/** The Worker's HTTP surface: /api (dashboard), /v1 (orchestrators), /api/public, /openapi.json, /docs. */
export function createApp() {
  const app = createRouter();
  app.use("*", apiHeaders);
  app.use("*", bodyGuard);
  app.use("/api/destinations/*", requireSession);
  for (const router of [auth, destinations, clients, requests, orchestrator, publicRoutes]) app.route("/", router);
  registerDocs(app);

  app.notFound((c) => problemResponse(new ApiError(404, "not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`)));
  app.onError((err, c) => {
    if (err instanceof ApiError) return problemResponse(err);
    if (err instanceof HTTPException && err.status < 500) {
      const code = err.status === 400 ? "malformed_json" : err.status === 413 ? "payload_too_large" : "validation_failed";
      return problemResponse(new ApiError(err.status, code, err.message || "Bad request."));
    }
    // Logged once, here; the client learns only that it was not its fault.
    console.error("unhandled error", c.req.method, new URL(c.req.url).pathname, err instanceof Error ? err.stack : err);
    return problemResponse(new ApiError(500, "internal_error", "Something went wrong on our side. Nothing was created twice; it is safe to retry with the same Idempotency-Key."));
  });
  return app;
}
