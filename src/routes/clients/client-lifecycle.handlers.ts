import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, notFound } from "../../lib/problem";
import { authority } from "../../services/authority";
import { resolveLimits } from "../../services/client-limits";
import { resolveSigning } from "../../services/client-signing";
import { tokenOf } from "../../services/destinations";
import { userActor } from "../../services/membership";
import { DEFAULT_OVERLAP_SECONDS } from "../../schemas/client-limits";
import type { AuditActorFilter } from "../../durable-objects/audit-log";
import type { listAudit, rotateClientSecret, updateClient } from "./client-lifecycle.routes";

export const updateHandler: AppRouteHandler<typeof updateClient> = async (c) => {
  const { clientId } = c.req.valid("param");
  const d = c.var.destination;
  const { limits, ...signingInput } = c.req.valid("json");
  const patch = limits === undefined ? undefined : resolveLimits(limits, tokenOf(d));
  const signing = await resolveSigning(signingInput);
  const result = await authority(c.env, d.id).updateClient(clientId, patch, signing, userActor(c.var.user));
  if (!result) throw notFound("client ID under this destination");
  if (!result.ok) throw new ApiError(result.error === "invalid" ? "validation_failed" : result.error, result.detail, result.errors);
  return c.json(result.client, 200);
};

export const rotateHandler: AppRouteHandler<typeof rotateClientSecret> = async (c) => {
  const { clientId } = c.req.valid("param");
  const d = c.var.destination;
  const overlap = c.req.valid("json")?.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS;
  const result = await authority(c.env, d.id).rotateClientSecret(d.id, clientId, overlap, userActor(c.var.user));
  if (!result) throw notFound("client ID under this destination");
  if (!result.ok) throw new ApiError("conflict", result.detail);
  return c.json(result.client, 200);
};

export const auditHandler: AppRouteHandler<typeof listAudit> = async (c) => {
  const { cursor, actor } = c.req.valid("query");
  const filter: AuditActorFilter | null =
    actor === undefined
      ? null
      : actor === "system"
        ? { type: "system" }
        : actor.startsWith("usr_")
          ? { type: "user", userId: actor }
          : { type: "client", clientId: actor };
  const page = await authority(c.env, c.var.destination.id).listAudit(cursor ?? null, filter);
  if (!page)
    throw new ApiError("validation_failed", "Not a cursor this API issued.", [
      { path: "cursor", message: "Use nextCursor from the previous page." },
    ]);
  return c.json(page, 200);
};
