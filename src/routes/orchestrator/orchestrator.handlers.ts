import type { Context } from "hono";
import { database } from "../../db/client";
import type { AppEnv } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError } from "../../lib/problem";
import { authority } from "../../services/authority";
import { createRequest } from "../../services/create-request";
import { MAX_LINK_SECONDS, createPaymentLink } from "../../services/payment-links";
import { listRequests, readRequest, type Visibility } from "../../services/read-requests";
import { serializeRequest } from "../../services/request-view";
import type { createOrchestratorPaymentLink, createOrchestratorRequest, getOrchestratorRequest, listOrchestratorRequests } from "./orchestrator.routes";

const unauthenticated = () => new ApiError(401, "unauthenticated", "Unknown or wrong client secret.", undefined, { "www-authenticate": "Bearer" });

/** Reads need a valid secret, not an active client: a revoked client may still read what it made. */
async function readerVisibility(c: Context<AppEnv>): Promise<Visibility> {
  const { destinationId, clientId, secretHash } = c.var.credential;
  const auth = await authority(c.env, destinationId).authenticate(clientId, secretHash);
  if (!auth.ok) throw unauthenticated();
  return { type: "client", clientId, permissions: auth.client.permissions };
}

const actorOf = (c: Context<AppEnv>) => ({ type: "client" as const, clientId: c.var.credential.clientId, secretHash: c.var.credential.secretHash });

export const createHandler: AppRouteHandler<typeof createOrchestratorRequest> = async (c) => {
  const { destinationId } = c.req.valid("param");
  if (destinationId !== c.var.credential.destinationId) {
    await readerVisibility(c); // a wrong secret is 401 before it learns anything
    throw new ApiError(404, "not_found", "No such destination for this client ID.");
  }
  const key = c.req.valid("header")["idempotency-key"] ?? null;
  const { request, replayed } = await createRequest(c.env, destinationId, c.req.valid("json"), actorOf(c), key);
  if (replayed) c.header("idempotent-replayed", "true");
  return c.json(request, 201);
};

export const getHandler: AppRouteHandler<typeof getOrchestratorRequest> = async (c) => {
  const db = database(c.env.DB);
  const v = await readerVisibility(c);
  return c.json(serializeRequest(await readRequest(db, c.req.valid("param").requestId, v, c.var.credential.destinationId)), 200);
};

export const listHandler: AppRouteHandler<typeof listOrchestratorRequests> = async (c) => {
  const v = await readerVisibility(c);
  return c.json(await listRequests(database(c.env.DB), c.var.credential.destinationId, v, c.req.valid("query")), 200);
};

export const paymentLinkHandler: AppRouteHandler<typeof createOrchestratorPaymentLink> = async (c) => {
  const v = await readerVisibility(c);
  const row = await readRequest(database(c.env.DB), c.req.valid("param").requestId, v, c.var.credential.destinationId);
  const seconds = c.req.valid("json")?.expiresInSeconds ?? MAX_LINK_SECONDS;
  const key = c.req.valid("header")["idempotency-key"] ?? null;
  const { link, replayed } = await createPaymentLink(c.env, new URL(c.req.url).origin, row, actorOf(c), seconds, key);
  if (replayed) c.header("idempotent-replayed", "true");
  return c.json(link, 201);
};
