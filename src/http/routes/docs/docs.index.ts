import type { AppRouter } from "../../create-router";
import { SESSION_COOKIE } from "../../../accounts/sessions";
import { renderDocs } from "./docs-page";
import { OPENAPI_CONFIG } from "./openapi-config";

/** Serves /openapi.json and /docs from the routes registered on `app` (call after every route). */
export function registerDocs(app: AppRouter): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "clientSecret", {
    type: "http",
    scheme: "bearer",
    description: "A client secret (prsk_…).",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: SESSION_COOKIE });
  app.openAPIRegistry.registerComponent("securitySchemes", "csrfToken", {
    type: "apiKey",
    in: "header",
    name: "X-CSRF-Token",
    description: "From GET /api/me; required with the session on every state change.",
  });
  app.doc31("/openapi.json", OPENAPI_CONFIG);
  app.get("/docs", (c) => {
    c.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    return c.html(renderDocs(app.getOpenAPI31Document(OPENAPI_CONFIG)));
  });
}
