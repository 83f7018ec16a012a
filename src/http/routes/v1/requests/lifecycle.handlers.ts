import { database } from "../../../../db/client";
import type { AppRouteHandler } from "../../../create-router";
import { readVisibility } from "../../../../clients/client-access";
import { readRequest } from "../../../../requests/read-requests";
import { listRequestEvents } from "../../../../requests/request-events";
import { cancelForClient } from "../../../../requests/orchestrator";
import type { cancelOrchestratorRequest, listOrchestratorRequestEvents } from "./lifecycle.routes";

/** One call of requests/orchestrator.ts, as the MCP tool cancel_request. */
export const cancelHandler: AppRouteHandler<typeof cancelOrchestratorRequest> = async (c) =>
  c.json(await cancelForClient(c.env, { credential: c.var.credential }, c.req.valid("param").requestId, c.req.valid("json")?.reason), 200);

export const eventsHandler: AppRouteHandler<typeof listOrchestratorRequestEvents> = async (c) => {
  const v = readVisibility(c.env, c.var.credential);
  const db = database(c.env.DB);
  return c.json(
    await listRequestEvents(c.env, db, await readRequest(db, c.req.valid("param").requestId, v, c.var.credential.destinationId)),
    200,
  );
};
