import { createRouter } from "../../lib/create-router";
import * as recipient from "./webhooks.handlers";
import {
  createRecipientEndpoint,
  deleteRecipientEndpoint,
  listDestinationEvents,
  listRecipientDeliveries,
  listRecipientEndpoints,
  retryRecipientDelivery,
  rotateRecipientSecret,
  testRecipientEndpoint,
} from "./webhooks.routes";
import * as client from "./webhooks-v1.handlers";
import {
  createClientEndpoint,
  deleteClientEndpoint,
  listClientDeliveries,
  listClientEndpoints,
  listClientEvents,
  retryClientDelivery,
  testClientEndpoint,
} from "./webhooks-v1.routes";

// Session and CSRF for /api/destinations/* come from createApp; the orchestrator routes need the client secret.
const router = createRouter();
router
  .openapi(createRecipientEndpoint, recipient.createHandler)
  .openapi(listRecipientEndpoints, recipient.listHandler)
  .openapi(deleteRecipientEndpoint, recipient.deleteHandler)
  .openapi(rotateRecipientSecret, recipient.rotateHandler)
  .openapi(testRecipientEndpoint, recipient.testHandler)
  .openapi(listRecipientDeliveries, recipient.deliveriesHandler)
  .openapi(retryRecipientDelivery, recipient.retryHandler)
  .openapi(listDestinationEvents, recipient.eventsHandler)
  .openapi(createClientEndpoint, client.createHandler)
  .openapi(listClientEndpoints, client.listHandler)
  .openapi(deleteClientEndpoint, client.deleteHandler)
  .openapi(listClientEvents, client.eventsHandler)
  .openapi(testClientEndpoint, client.testHandler)
  .openapi(listClientDeliveries, client.deliveriesHandler)
  .openapi(retryClientDelivery, client.retryHandler);

export default router;
// Call on the app itself: a mounted router's webhook names would get its mount path's "/" prefix.
export { registerWebhookDocs } from "./webhook-docs";
