import { createRouter } from "../../../create-router";
import * as client from "./webhooks.handlers";
import {
  createClientEndpoint,
  deleteClientEndpoint,
  listClientDeliveries,
  listClientEndpoints,
  listClientEvents,
  retryClientDelivery,
  testClientEndpoint,
} from "./webhooks.routes";

// An orchestrator's own endpoints, deliveries and events, under its client secret.
const router = createRouter();
router
  .openapi(createClientEndpoint, client.createHandler)
  .openapi(listClientEndpoints, client.listHandler)
  .openapi(deleteClientEndpoint, client.deleteHandler)
  .openapi(listClientEvents, client.eventsHandler)
  .openapi(testClientEndpoint, client.testHandler)
  .openapi(listClientDeliveries, client.deliveriesHandler)
  .openapi(retryClientDelivery, client.retryHandler);

export default router;
