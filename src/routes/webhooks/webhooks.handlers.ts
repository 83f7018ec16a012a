import { database } from "../../db/client";
import type { AppRouteHandler } from "../../lib/create-router";
import { authority } from "../../services/authority";
import { eventCursorPosition } from "../../services/orchestrator";
import { claimedDestination, ownedDestination } from "../../services/destinations";
import { RECIPIENT, freshSecret, prepareEndpoint, unwrap } from "./webhook-calls";
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
  const d = await claimedDestination(database(c.env.DB), c.var.user.id, c.req.valid("param").destinationId);
  const { endpoint, secret } = await prepareEndpoint(c.env, d.id, c.req.valid("json"));
  const created = unwrap(await authority(c.env, d.id).createWebhookEndpoint(RECIPIENT, endpoint));
  c.header("location", `/api/destinations/${d.id}/webhook-endpoints/${created.id}`);
  return c.json({ ...created, secret }, 201);
};

export const listHandler: AppRouteHandler<typeof listRecipientEndpoints> = async (c) => {
  const d = await ownedDestination(database(c.env.DB), c.var.user.id, c.req.valid("param").destinationId);
  return c.json({ data: unwrap(await authority(c.env, d.id).listWebhookEndpoints(RECIPIENT)) }, 200);
};

export const deleteHandler: AppRouteHandler<typeof deleteRecipientEndpoint> = async (c) => {
  const { destinationId, endpointId } = c.req.valid("param");
  const d = await ownedDestination(database(c.env.DB), c.var.user.id, destinationId);
  unwrap(await authority(c.env, d.id).deleteWebhookEndpoint(RECIPIENT, endpointId));
  return c.body(null, 204);
};

export const rotateHandler: AppRouteHandler<typeof rotateRecipientSecret> = async (c) => {
  const { destinationId, endpointId } = c.req.valid("param");
  const d = await ownedDestination(database(c.env.DB), c.var.user.id, destinationId);
  const { secret, sealed } = await freshSecret(c.env, endpointId);
  const rotated = unwrap(await authority(c.env, d.id).rotateWebhookSecret(RECIPIENT, endpointId, sealed));
  return c.json({ ...rotated, secret }, 200);
};

export const testHandler: AppRouteHandler<typeof testRecipientEndpoint> = async (c) => {
  const { destinationId, endpointId } = c.req.valid("param");
  const d = await ownedDestination(database(c.env.DB), c.var.user.id, destinationId);
  return c.json(unwrap(await authority(c.env, d.id).sendWebhookTest(RECIPIENT, endpointId)), 202);
};

export const deliveriesHandler: AppRouteHandler<typeof listRecipientDeliveries> = async (c) => {
  const { destinationId, endpointId } = c.req.valid("param");
  const d = await ownedDestination(database(c.env.DB), c.var.user.id, destinationId);
  return c.json(
    unwrap(await authority(c.env, d.id).listWebhookDeliveries(RECIPIENT, endpointId, c.req.valid("query").cursor ?? null)),
    200,
  );
};

export const retryHandler: AppRouteHandler<typeof retryRecipientDelivery> = async (c) => {
  const { destinationId, endpointId, deliveryId } = c.req.valid("param");
  const d = await ownedDestination(database(c.env.DB), c.var.user.id, destinationId);
  unwrap(await authority(c.env, d.id).retryWebhookDelivery(RECIPIENT, endpointId, deliveryId), "delivery");
  return c.json({ deliveryId }, 202);
};

export const eventsHandler: AppRouteHandler<typeof listDestinationEvents> = async (c) => {
  const d = await ownedDestination(database(c.env.DB), c.var.user.id, c.req.valid("param").destinationId);
  const { cursor, limit } = c.req.valid("query");
  return c.json(unwrap(await authority(c.env, d.id).listWebhookEvents(RECIPIENT, eventCursorPosition(cursor), null, limit)), 200);
};
