import type { AppRouteHandler } from "../../../create-router";
import { requestEvidence } from "../../../../requests/request-evidence";
import type { getRequestEvidence } from "./evidence.routes";

export const evidenceHandler: AppRouteHandler<typeof getRequestEvidence> = async (c) => {
  const { requestId } = c.req.valid("param");
  return c.json(await requestEvidence(c.env, c.var.destination.id, requestId), 200);
};
