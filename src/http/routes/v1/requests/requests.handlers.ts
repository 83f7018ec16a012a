import type { Context } from "hono";
import type { AppEnv } from "../../../../env";
import type { AppRouteHandler } from "../../../create-router";
import { publicOrigin } from "../../../../lib/public-origin";
import { MAX_METADATA_FILTERS } from "../../../../requests/request.schemas";
import { metadataFilters } from "../../../../requests/list-query";
import {
  createForClient,
  getForClient,
  linkForClient,
  linksForClient,
  listForClient,
  type Caller,
} from "../../../../requests/orchestrator";
import type {
  createOrchestratorPaymentLink,
  createOrchestratorRequest,
  getOrchestratorRequest,
  listOrchestratorPaymentLinks,
  listOrchestratorRequests,
} from "./requests.routes";

// Each handler is one call of requests/orchestrator.ts, which the MCP tools call too: one set of rules for both.
const callerOf = (c: Context<AppEnv>): Caller => ({ credential: c.var.credential, signature: c.var.signature ?? null });

export const createHandler: AppRouteHandler<typeof createOrchestratorRequest> = async (c) => {
  const key = c.req.valid("header")["idempotency-key"] ?? null;
  const { request, replayed } = await createForClient(c.env, callerOf(c), c.req.valid("param").destinationId, c.req.valid("json"), key);
  if (replayed) c.header("idempotent-replayed", "true");
  c.header("location", `/v1/requests/${request.id}`);
  return c.json(request, 201);
};

export const getHandler: AppRouteHandler<typeof getOrchestratorRequest> = async (c) =>
  c.json(await getForClient(c.env, callerOf(c), c.req.valid("param").requestId), 200);

export const listHandler: AppRouteHandler<typeof listOrchestratorRequests> = async (c) =>
  c.json(
    await listForClient(c.env, callerOf(c), { ...c.req.valid("query"), metadata: metadataFilters(c.req.url, MAX_METADATA_FILTERS) }),
    200,
  );

export const paymentLinkHandler: AppRouteHandler<typeof createOrchestratorPaymentLink> = async (c) => {
  const key = c.req.valid("header")["idempotency-key"] ?? null;
  const seconds = c.req.valid("json")?.expiresInSeconds;
  const origin = publicOrigin(c.env, c.req.url);
  const { link, replayed } = await linkForClient(c.env, callerOf(c), origin, c.req.valid("param").requestId, seconds, key);
  if (replayed) c.header("idempotent-replayed", "true");
  c.header("location", link.url);
  return c.json(link, 201);
};

export const listLinksHandler: AppRouteHandler<typeof listOrchestratorPaymentLinks> = async (c) =>
  c.json(await linksForClient(c.env, callerOf(c), c.req.valid("param").requestId), 200);
