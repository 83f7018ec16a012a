import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../../define-route";
import { ClientParams, ClientSchema, RotatedClientSchema } from "../../../../clients/client.schemas";
import { ClientPatchSchema, RotateSecretSchema } from "../../../../limits/client-limits.schemas";
import { AuditActorQuery, AuditPageSchema } from "../../../../audit/audit.schemas";
import { DestinationParams } from "../../../../destinations/destination.schemas";
import { jsonBody, jsonResponse } from "../../../content";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";

const tags = ["Dashboard: client IDs"];

export const updateClient = defineRoute("session", {
  operationId: "updateClientLimits",
  method: "patch",
  path: "/api/destinations/{destinationId}/clients/{clientId}",
  tags,
  summary: "Change a client ID's limits and signing settings",
  description:
    "An absent key keeps its limit, null removes it. A budget below what the client has already reserved or spent is 409 conflict; an expiresAt in the past is 400. `signingKey` (a public JWK, Ed25519 or P-256; null removes it) and `requireSignedRequests` set how the client signs its requests; requiring signatures without a key is 400. All or nothing.",
  request: { params: ClientParams, body: jsonBody(ClientPatchSchema) },
  responses: {
    200: jsonResponse(ClientSchema, "The client with its new limits"),
    ...problems(...BODY_PROBLEMS, 401, 404, "conflict", "storage_unavailable"),
  },
});

export const rotateClientSecret = defineRoute("session", {
  operationId: "rotateClientSecret",
  method: "post",
  path: "/api/destinations/{destinationId}/clients/{clientId}/rotate-secret",
  tags,
  summary: "Issue a new secret; the old one keeps working for the overlap",
  description: "The new secret is shown once. Both secrets authenticate until previousSecretExpiresAt (default 24 h, at most 7 days).",
  request: { params: ClientParams, body: jsonBody(RotateSecretSchema, false) },
  responses: { 200: jsonResponse(RotatedClientSchema, "Rotated"), ...problems(...BODY_PROBLEMS, 401, 404, "conflict") },
});

export const listAudit = defineRoute("session", {
  operationId: "listAuditLog",
  method: "get",
  path: "/api/destinations/{destinationId}/audit",
  tags: ["Dashboard: audit log"],
  summary: "Who did what under a destination, newest first",
  description: "`actor` narrows it to one member, one client or Payrelay itself; the cursor is only valid with the same filter.",
  request: {
    params: DestinationParams,
    query: z.object({
      cursor: z.string().max(200).optional().openapi({ description: "nextCursor of the previous page" }),
      actor: AuditActorQuery,
    }),
  },
  responses: { 200: jsonResponse(AuditPageSchema, "A page of entries, newest first"), ...problems(400, 401, 404) },
});
