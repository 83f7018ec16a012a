import type { AppRouteHandler } from "../../../create-router";
import { clientForClient } from "../../../../requests/orchestrator";
import type { getOwnClient } from "./client.routes";

export const getClientHandler: AppRouteHandler<typeof getOwnClient> = async (c) =>
  c.json(await clientForClient(c.env, { credential: c.var.credential }), 200);
