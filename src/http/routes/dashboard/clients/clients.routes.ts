import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../../define-route";
import { ClientCreateSchema, ClientParams, ClientSchema, ClientWithSecretSchema } from "../../../../clients/client.schemas";
import { DestinationParams } from "../../../../destinations/destination.schemas";
import { jsonBody, jsonResponse } from "../../../content";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";

const tags = ["Dashboard: client IDs"];

export const listClients = defineRoute("session", {
  operationId: "listClients",
  method: "get",
  path: "/api/destinations/{destinationId}/clients",
  tags,
  summary: "Every client ID of a destination, revoked ones included",
  request: { params: DestinationParams },
  responses: { 200: jsonResponse(z.object({ data: z.array(ClientSchema) }), "Client IDs, newest first"), ...problems(400, 401, 404) },
});

export const getClient = defineRoute("session", {
  operationId: "getDestinationClient",
  method: "get",
  path: "/api/destinations/{destinationId}/clients/{clientId}",
  tags,
  summary: "One client ID of a destination, revoked or not",
  description: "An extension of the contract's client routes: the dashboard's client page reads the one client it shows.",
  request: { params: ClientParams },
  responses: { 200: jsonResponse(ClientSchema, "The client ID"), ...problems(400, 401, 404) },
});

export const createClient = defineRoute("session", {
  operationId: "createClient",
  method: "post",
  path: "/api/destinations/{destinationId}/clients",
  tags,
  summary: "Create a client ID; its secret is shown once",
  request: { params: DestinationParams, body: jsonBody(ClientCreateSchema) },
  responses: { 201: jsonResponse(ClientWithSecretSchema, "Created"), ...problems(...BODY_PROBLEMS, 401, 404, "conflict") },
});

export const revokeClient = defineRoute("session", {
  operationId: "revokeClient",
  method: "post",
  path: "/api/destinations/{destinationId}/clients/{clientId}/revoke",
  tags,
  summary: "Revoke a client ID, permanently",
  description:
    "From the 200 on, every create by the client answers 403 client_revoked. Its requests stay valid, its links work until they expire, and it can still read what it created. Repeating is a no-op 200.",
  request: { params: ClientParams },
  responses: { 200: jsonResponse(ClientSchema, "Revoked"), ...problems(...BODY_PROBLEMS, 401, 404, "storage_unavailable") },
});
