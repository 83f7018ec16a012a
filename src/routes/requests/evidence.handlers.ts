import { database } from "../../db/client";
import type { AppRouteHandler } from "../../lib/create-router";
import { ownedDestination } from "../../services/destinations";
import { requestEvidence } from "../../services/request-evidence";
import type { getRequestEvidence } from "./evidence.routes";

export const evidenceHandler: AppRouteHandler<typeof getRequestEvidence> = async (c) => {
  const { destinationId, requestId } = c.req.valid("param");
  const d = await ownedDestination(database(c.env.DB), c.var.user.id, destinationId);
  return c.json(await requestEvidence(c.env, d.id, requestId), 200);
};
