import { database } from "../../db/client";
import type { AppRouteHandler } from "../../lib/create-router";
import type { TransitionAction } from "../../lifecycle/transitions";
import { ownedDestination } from "../../services/destinations";
import { readRequest } from "../../services/read-requests";
import { listRequestEvents } from "../../services/request-events";
import { transitionRequest } from "../../services/transition-request";
import type { approveRequest, listDestinationRequestEvents } from "./lifecycle.routes";

/** One handler per action: the recipient owns the destination (D1), the authority decides the rest. */
const act =
  (action: TransitionAction): AppRouteHandler<typeof approveRequest> =>
  async (c) => {
    const { destinationId, requestId } = c.req.valid("param");
    const d = await ownedDestination(database(c.env.DB), c.var.user.id, destinationId);
    const reason = c.req.valid("json")?.reason;
    const data = reason === undefined ? undefined : { reason };
    return c.json(await transitionRequest(c.env, d.id, { requestId, action, actor: { type: "user", userId: c.var.user.id }, data }), 200);
  };

export const cancelHandler = act("cancel");
export const approveHandler = act("approve");
export const rejectHandler = act("reject");

export const eventsHandler: AppRouteHandler<typeof listDestinationRequestEvents> = async (c) => {
  const db = database(c.env.DB);
  const { destinationId, requestId } = c.req.valid("param");
  const d = await ownedDestination(db, c.var.user.id, destinationId);
  return c.json(await listRequestEvents(c.env, db, await readRequest(db, requestId, { type: "recipient" }, d.id)), 200);
};
