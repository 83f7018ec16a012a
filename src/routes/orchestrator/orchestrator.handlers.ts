import type { Context } from "hono";
import { database } from "../../db/client";
import type { AppEnv } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError } from "../../lib/problem";
import { publicOrigin } from "../../lib/public-origin";
import { readVisibility } from "../../services/client-access";
import { createRequest } from "../../services/create-request";
import { MAX_LINK_SECONDS, createPaymentLink } from "../../services/payment-links";
import { listRequests, readRequest } from "../../services/read-requests";
import { requestDetail } from "../../services/payment-view";
import type {
  createOrchestratorPaymentLink,
  createOrchestratorRequest,
  getOrchestratorRequest,
  listOrchestratorRequests,
} from "./orchestrator.routes";

const actorOf = (c: Context<AppEnv>) => ({
  type: "client" as const,
  clientId: c.var.credential.clientId,
  secretHash: c.var.credential.secretHash,
});

export const createHandler: AppRouteHandler<typeof createOrchestratorRequest> = async (c) => {
  const { destinationId } = c.req.valid("param");
  if (destinationId !== c.var.credential.destinationId) {
    await readVisibility(c.env, c.var.credential); // a wrong secret is 401 before it learns anything
    throw new ApiError("not_found", "No such destination for this client ID.");
  }
  const key = c.req.valid("header")["idempotency-key"] ?? null;
  const { request, replayed } = await createRequest(c.env, destinationId, c.req.valid("json"), actorOf(c), key);
  if (replayed) c.header("idempotent-replayed", "true");
  return c.json(request, 201);
};

export const getHandler: AppRouteHandler<typeof getOrchestratorRequest> = async (c) => {
  const v = readVisibility(c.env, c.var.credential);
  const db = database(c.env.DB);
  return c.json(await requestDetail(db, await readRequest(db, c.req.valid("param").requestId, v, c.var.credential.destinationId)), 200);
};

export const listHandler: AppRouteHandler<typeof listOrchestratorRequests> = async (c) => {
  const v = await readVisibility(c.env, c.var.credential);
  return c.json(await listRequests(database(c.env.DB), c.var.credential.destinationId, v, c.req.valid("query")), 200);
};

/**
 * Only the client that created a request makes links for it: a reader reads,
 * it does not create on another client's behalf (403 permission_denied for a
 * request it may read; 404 for one it may not).
 */
export const paymentLinkHandler: AppRouteHandler<typeof createOrchestratorPaymentLink> = async (c) => {
  const v = await readVisibility(c.env, c.var.credential);
  const row = await readRequest(database(c.env.DB), c.req.valid("param").requestId, v, c.var.credential.destinationId);
  if (row.createdByClientId !== c.var.credential.clientId) {
    throw new ApiError(
      "permission_denied",
      "Only the client that created this request can make payment links for it; this client ID may only read it.",
    );
  }
  const seconds = c.req.valid("json")?.expiresInSeconds ?? MAX_LINK_SECONDS;
  const key = c.req.valid("header")["idempotency-key"] ?? null;
  const { link, replayed } = await createPaymentLink(c.env, publicOrigin(c.env, c.req.url), row, actorOf(c), seconds, key);
  if (replayed) c.header("idempotent-replayed", "true");
  return c.json(link, 201);
};
