import type { AppRouteHandler } from "../../../create-router";
import { authority } from "../../../../authority/stub";
import { eventsForClient } from "../../../../requests/orchestrator";
import { clientCaller, prepareEndpoint, unwrap } from "../../../../webhooks/webhook-calls";
import type {
  createClientEndpoint,
  deleteClientEndpoint,
  listClientDeliveries,
  listClientEndpoints,
  listClientEvents,
  retryClientDelivery,
  testClientEndpoint,
} from "./webhooks.routes";

// Every call goes to the client's own destination's authority, which verifies the secret's hash.

export const createHandler: AppRouteHandler<typeof createClientEndpoint> = async (c) => {
  const dst = c.var.credential.destinationId;
  const { endpoint, secret } = await prepareEndpoint(c.env, dst, c.req.valid("json"));
  const created = unwrap(await authority(c.env, dst).createWebhookEndpoint(clientCaller(c), endpoint));
  c.header("location", `/v1/webhook-endpoints/${created.id}`);
  return c.json({ ...created, secret }, 201);
};

export const listHandler: AppRouteHandler<typeof listClientEndpoints> = async (c) => {
  const data = unwrap(await authority(c.env, c.var.credential.destinationId).listWebhookEndpoints(clientCaller(c)));
  return c.json({ data }, 200);
};

export const deleteHandler: AppRouteHandler<typeof deleteClientEndpoint> = async (c) => {
  unwrap(await authority(c.env, c.var.credential.destinationId).deleteWebhookEndpoint(clientCaller(c), c.req.valid("param").endpointId));
  return c.body(null, 204);
};

export const eventsHandler: AppRouteHandler<typeof listClientEvents> = async (c) => {
  const { cursor, type, limit } = c.req.valid("query");
  return c.json(await eventsForClient(c.env, { credential: c.var.credential }, { cursor, type, limit }), 200);
};

export const testHandler: AppRouteHandler<typeof testClientEndpoint> = async (c) => {
  const stub = authority(c.env, c.var.credential.destinationId);
  return c.json(unwrap(await stub.sendWebhookTest(clientCaller(c), c.req.valid("param").endpointId)), 202);
};

export const deliveriesHandler: AppRouteHandler<typeof listClientDeliveries> = async (c) => {
  const stub = authority(c.env, c.var.credential.destinationId);
  const cursor = c.req.valid("query").cursor ?? null;
  return c.json(unwrap(await stub.listWebhookDeliveries(clientCaller(c), c.req.valid("param").endpointId, cursor)), 200);
};

export const retryHandler: AppRouteHandler<typeof retryClientDelivery> = async (c) => {
  const { endpointId, deliveryId } = c.req.valid("param");
  unwrap(await authority(c.env, c.var.credential.destinationId).retryWebhookDelivery(clientCaller(c), endpointId, deliveryId), "delivery");
  return c.json({ deliveryId }, 202);
};
