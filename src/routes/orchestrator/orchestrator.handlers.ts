import type { Context } from "hono";
import { database } from "../../db/client";
import type { Permission } from "../../credentials/permissions";
import type { AppEnv } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError } from "../../lib/problem";
import { authority, unknownClientSecret } from "../../services/authority";
import { createRequest } from "../../services/create-request";
import { MAX_LINK_SECONDS, createPaymentLink } from "../../services/payment-links";
import { listRequests, readRequest, type Visibility } from "../../services/read-requests";
import { serializeRequest } from "../../services/request-view";
import type { createOrchestratorPaymentLink, createOrchestratorRequest, getOrchestratorRequest, listOrchestratorRequests } from "./orchestrator.routes";

/**
 * Secrets the authority accepted for reads, per isolate: a cache, never an
 * authority. Safe because a read needs a valid secret, not an active client
 * (revocation does not stop reads), and a client's secret and permissions never
 * change. Only successes are kept, so a wrong secret always reaches the
 * authority; entries live as long as lastUsedAt's resolution. Creates never
 * use it: they are always admitted by the authority. If secrets ever become
 * rotatable or clients deletable, this must be invalidated.
 */
const READ_AUTH_TTL_MS = 60_000;
const READ_AUTH_MAX = 1024;
const readAuth = new Map<string, { permissions: Permission[]; until: number }>();

/** Reads need a valid secret, not an active client: a revoked client may still read what it made. */
async function readerVisibility(c: Context<AppEnv>): Promise<Visibility> {
  const { destinationId, clientId, secretHash } = c.var.credential;
  const key = `${destinationId}:${clientId}:${secretHash}`;
  const now = Date.now();
  const hit = readAuth.get(key);
  if (hit && hit.until > now) return { type: "client", clientId, permissions: hit.permissions };
  const auth = await authority(c.env, destinationId).authenticate(clientId, secretHash);
  if (!auth.ok) throw unknownClientSecret();
  if (readAuth.size >= READ_AUTH_MAX) readAuth.clear();
  readAuth.set(key, { permissions: auth.client.permissions, until: now + READ_AUTH_TTL_MS });
  return { type: "client", clientId, permissions: auth.client.permissions };
}

const actorOf = (c: Context<AppEnv>) => ({ type: "client" as const, clientId: c.var.credential.clientId, secretHash: c.var.credential.secretHash });

export const createHandler: AppRouteHandler<typeof createOrchestratorRequest> = async (c) => {
  const { destinationId } = c.req.valid("param");
  if (destinationId !== c.var.credential.destinationId) {
    await readerVisibility(c); // a wrong secret is 401 before it learns anything
    throw new ApiError("not_found", "No such destination for this client ID.");
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
