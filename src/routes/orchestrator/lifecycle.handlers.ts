import { database } from "../../db/client";
import type { AppRouteHandler } from "../../lib/create-router";
import { readVisibility } from "../../services/client-access";
import { readRequest } from "../../services/read-requests";
import { listRequestEvents } from "../../services/request-events";
import { transitionRequest } from "../../services/transition-request";
import type { cancelOrchestratorRequest, listOrchestratorRequestEvents } from "./lifecycle.routes";

/** The authority checks the secret and that this client created the request, in the same step as the cancel. */
export const cancelHandler: AppRouteHandler<typeof cancelOrchestratorRequest> = async (c) => {
  const { clientId, secretHash, destinationId } = c.var.credential;
  const reason = c.req.valid("json")?.reason;
  const input = {
    requestId: c.req.valid("param").requestId,
    action: "cancel" as const,
    actor: { type: "client" as const, clientId, secretHash },
  };
  return c.json(await transitionRequest(c.env, destinationId, reason === undefined ? input : { ...input, data: { reason } }), 200);
};

export const eventsHandler: AppRouteHandler<typeof listOrchestratorRequestEvents> = async (c) => {
  const v = readVisibility(c.env, c.var.credential);
  const db = database(c.env.DB);
  return c.json(await listRequestEvents(db, await readRequest(db, c.req.valid("param").requestId, v, c.var.credential.destinationId)), 200);
};
