import { userActor } from "../../../../lib/actor";
import type { AppRouteHandler } from "../../../create-router";
import { authority } from "../../../../authority/stub";
import { eventCursorPosition } from "../../../../requests/orchestrator";
import { requireClaimed } from "../../../../destinations/destinations";
import { freshSecret, prepareEndpoint, unwrap } from "../../../../webhooks/webhook-calls";
import type {
  createRecipientEndpoint,
  deleteRecipientEndpoint,
  listDestinationEvents,
  listRecipientDeliveries,
  listRecipientEndpoints,
  retryRecipientDelivery,
  rotateRecipientSecret,
  testRecipientEndpoint,
} from "./webhooks.routes";

export const createHandler: AppRouteHandler<typeof createRecipientEndpoint> = async (c) => {
  const d = requireClaimed(c.var.destination);
  const { endpoint, secret } = await prepareEndpoint(c.env, d.id, c.req.valid("json"));
  const created = unwrap(await authority(c.env, d.id).createWebhookEndpoint(userActor(c.var.user), endpoint));
  c.header("location", `/api/destinations/${d.id}/webhook-endpoints/${created.id}`);
  return c.json({ ...created, secret }, 201);
};

export const listHandler: AppRouteHandler<typeof listRecipientEndpoints> = async (c) => {
  const d = c.var.destination;
  return c.json({ data: unwrap(await authority(c.env, d.id).listWebhookEndpoints(userActor(c.var.user))) }, 200);
};

export const deleteHandler: AppRouteHandler<typeof deleteRecipientEndpoint> = async (c) => {
  const { endpointId } = c.req.valid("param");
  const d = c.var.destination;
  unwrap(await authority(c.env, d.id).deleteWebhookEndpoint(userActor(c.var.user), endpointId));
  return c.body(null, 204);
};

export const rotateHandler: AppRouteHandler<typeof rotateRecipientSecret> = async (c) => {
  const { endpointId } = c.req.valid("param");
  const d = c.var.destination;
  const { secret, sealed } = await freshSecret(c.env, endpointId);
  const rotated = unwrap(await authority(c.env, d.id).rotateWebhookSecret(userActor(c.var.user), endpointId, sealed));
  return c.json({ ...rotated, secret }, 200);
};

export const testHandler: AppRouteHandler<typeof testRecipientEndpoint> = async (c) => {
  const { endpointId } = c.req.valid("param");
  const d = c.var.destination;
  return c.json(unwrap(await authority(c.env, d.id).sendWebhookTest(userActor(c.var.user), endpointId)), 202);
};

export const deliveriesHandler: AppRouteHandler<typeof listRecipientDeliveries> = async (c) => {
  const { endpointId } = c.req.valid("param");
  const d = c.var.destination;
  return c.json(
    unwrap(await authority(c.env, d.id).listWebhookDeliveries(userActor(c.var.user), endpointId, c.req.valid("query").cursor ?? null)),
    200,
  );
};

export const retryHandler: AppRouteHandler<typeof retryRecipientDelivery> = async (c) => {
  const { endpointId, deliveryId } = c.req.valid("param");
  const d = c.var.destination;
  unwrap(await authority(c.env, d.id).retryWebhookDelivery(userActor(c.var.user), endpointId, deliveryId), "delivery");
  return c.json({ deliveryId }, 202);
};

export const eventsHandler: AppRouteHandler<typeof listDestinationEvents> = async (c) => {
  const d = c.var.destination;
  const { cursor, limit } = c.req.valid("query");
  return c.json(
    unwrap(await authority(c.env, d.id).listWebhookEvents(userActor(c.var.user), eventCursorPosition(cursor), null, limit)),
    200,
  );
};
