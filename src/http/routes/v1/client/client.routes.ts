import { defineRoute } from "../../../define-route";
import { ClientSchema } from "../../../../clients/client.schemas";
import { jsonResponse } from "../../../content";
import { problems } from "../../../../lib/problem.schemas";

export const getOwnClient = defineRoute("client", {
  operationId: "getClient",
  method: "get",
  path: "/v1/client",
  tags: ["Orchestrator"],
  summary: "The calling client ID: permissions, status, limits, spent, remaining and expiresAt (never its secret)",
  description: "What the recipient sees of this client in the dashboard; the MCP tool get_client answers the same.",
  responses: { 200: jsonResponse(ClientSchema, "This client ID"), ...problems(401) },
});
