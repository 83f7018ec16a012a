import { createRouter } from "../../../create-router";
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

// The recipient's endpoints, deliveries and events; session and CSRF for /api/destinations/* come from createApp.
const router = createRouter();
router
  .openapi(createRecipientEndpoint, recipient.createHandler)
  .openapi(listRecipientEndpoints, recipient.listHandler)
  .openapi(deleteRecipientEndpoint, recipient.deleteHandler)
  .openapi(rotateRecipientSecret, recipient.rotateHandler)
  .openapi(testRecipientEndpoint, recipient.testHandler)
  .openapi(listRecipientDeliveries, recipient.deliveriesHandler)
  .openapi(retryRecipientDelivery, recipient.retryHandler)
  .openapi(listDestinationEvents, recipient.eventsHandler);

export default router;
