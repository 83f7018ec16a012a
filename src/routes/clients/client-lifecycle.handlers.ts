import { database } from "../../db/client";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, notFound } from "../../lib/problem";
import { authority } from "../../services/authority";
import { resolveLimits } from "../../services/client-limits";
import { resolveSigning } from "../../services/client-signing";
import { ownedDestination, tokenOf } from "../../services/destinations";
import { DEFAULT_OVERLAP_SECONDS } from "../../schemas/client-limits";
import type { listAudit, rotateClientSecret, updateClient } from "./client-lifecycle.routes";

export const updateHandler: AppRouteHandler<typeof updateClient> = async (c) => {
  const { destinationId, clientId } = c.req.valid("param");
  const d = await ownedDestination(database(c.env.DB), c.var.user.id, destinationId);
  const { limits, ...signingInput } = c.req.valid("json");
  const patch = limits === undefined ? undefined : resolveLimits(limits, tokenOf(d));
  const signing = await resolveSigning(signingInput);
  const result = await authority(c.env, d.id).updateClient(clientId, patch, signing, { type: "user", userId: c.var.user.id });
  if (!result) throw notFound("client ID under this destination");
  if (!result.ok) throw new ApiError(result.error === "invalid" ? "validation_failed" : result.error, result.detail, result.errors);
  return c.json(result.client, 200);
};

export const rotateHandler: AppRouteHandler<typeof rotateClientSecret> = async (c) => {
  const { destinationId, clientId } = c.req.valid("param");
  const d = await ownedDestination(database(c.env.DB), c.var.user.id, destinationId);
  const overlap = c.req.valid("json")?.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS;
  const result = await authority(c.env, d.id).rotateClientSecret(d.id, clientId, overlap, { type: "user", userId: c.var.user.id });
  if (!result) throw notFound("client ID under this destination");
  if (!result.ok) throw new ApiError("conflict", result.detail);
  return c.json(result.client, 200);
};

export const auditHandler: AppRouteHandler<typeof listAudit> = async (c) => {
  const d = await ownedDestination(database(c.env.DB), c.var.user.id, c.req.valid("param").destinationId);
  const page = await authority(c.env, d.id).listAudit(c.req.valid("query").cursor ?? null);
  if (!page)
    throw new ApiError("validation_failed", "Not a cursor this API issued.", [
      { path: "cursor", message: "Use nextCursor from the previous page." },
    ]);
  return c.json(page, 200);
};
