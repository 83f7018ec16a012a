import type { AppRouteHandler } from "../../lib/create-router";
import { clientForClient } from "../../services/orchestrator";
import type { getOwnClient } from "./client.routes";

export const getClientHandler: AppRouteHandler<typeof getOwnClient> = async (c) =>
  c.json(await clientForClient(c.env, { credential: c.var.credential }), 200);
