import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { Hono } from "hono";
import type { AppEnv } from "../../../env";
import { ApiError } from "../../../lib/problem";
import { publicOrigin } from "../../../lib/public-origin";
import { mcpServer } from "./server";
import { bodyGuard } from "../../middleware/body-guard";
import { requireClientSecret } from "../../middleware/client-auth";
import { requestSignature } from "../../middleware/request-signature";
import { accepted, authority } from "../../../authority/stub";

/** The MCP endpoint's URL path: one per deployment, the same for every client ID (the secret says which). */
export const MCP_PATH = "/mcp";

/**
 * `/mcp`: Model Context Protocol over Streamable HTTP, stateless (one server
 * and transport per POST, JSON answers, no session: docs/architecture.md).
 * The order is the point: the secret's shape, then the authority's verdict on
 * it (401 problem+json), and only then is the body read (bodyGuard: 413, 415,
 * malformed JSON as for /v1) and handed to the SDK's transport as parsed.
 * Not a REST operation, so not in /openapi.json; the tools are the interface.
 */
const router = new Hono<AppEnv>();

router.all(MCP_PATH, requireClientSecret, async (c, next) => {
  // 401 for an unknown or wrong secret, before any MCP message is read; the verdict is kept for the signature check.
  const { credential } = c.var;
  const verdict = await authority(c.env, credential.destinationId).authenticate(credential.clientId, credential.secretHash);
  c.set("authenticated", accepted(verdict, "client ID"));
  if (c.req.method !== "POST") {
    // Stateless: no session to resume (GET) or end (DELETE).
    throw new ApiError("method_not_allowed", "This MCP server is stateless: send every message as a POST.", undefined, { allow: "POST" });
  }
  await next();
});

// A signed-requests client signs every /mcp POST as it signs /v1 ones (API v1.2); a signed create_request keeps
// the signature, over the JSON-RPC message it came in, as its evidence.
router.post(MCP_PATH, bodyGuard, requestSignature("enforce"), async (c) => {
  const text = await c.req.text();
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  const server = mcpServer({
    env: c.env,
    caller: { credential: c.var.credential, via: "mcp", signature: c.var.signature },
    origin: () => publicOrigin(c.env, c.req.url),
  });
  await server.connect(transport);
  // bodyGuard has read and checked the body; an empty one stays unparsed, for the transport's own 415 or 400.
  return transport.handleRequest(c.req.raw, text === "" ? {} : { parsedBody: JSON.parse(text) });
});

export default router;
