import { userActor } from "../../../../lib/actor";
import { database } from "../../../../db/client";
import type { AppRouteHandler } from "../../../create-router";
import type { TransitionAction } from "../../../../requests/transitions";
import { readRequest } from "../../../../requests/read-requests";
import { listRequestEvents } from "../../../../requests/request-events";
import { transitionRequest } from "../../../../requests/transition-request";
import type { approveRequest, listDestinationRequestEvents } from "./lifecycle.routes";

/** One handler per action: the route checked the member's role (D1), the authority decides the rest. */
const act =
  (action: TransitionAction): AppRouteHandler<typeof approveRequest> =>
  async (c) => {
    const { requestId } = c.req.valid("param");
    const reason = c.req.valid("json")?.reason;
    const data = reason === undefined ? undefined : { reason };
    return c.json(await transitionRequest(c.env, c.var.destination.id, { requestId, action, actor: userActor(c.var.user), data }), 200);
  };

export const cancelHandler = act("cancel");
export const approveHandler = act("approve");
export const rejectHandler = act("reject");

export const eventsHandler: AppRouteHandler<typeof listDestinationRequestEvents> = async (c) => {
  const db = database(c.env.DB);
  const { requestId } = c.req.valid("param");
  return c.json(await listRequestEvents(c.env, db, await readRequest(db, requestId, { type: "recipient" }, c.var.destination.id)), 200);
};
