import { createRouter } from "../../create-router";
import { getClientHandler } from "./client/client.handlers";
import { getOwnClient } from "./client/client.routes";
import { cancelHandler, eventsHandler } from "./requests/lifecycle.handlers";
import { cancelOrchestratorRequest, listOrchestratorRequestEvents } from "./requests/lifecycle.routes";
import { submitPaymentHandler } from "./requests/payments.handlers";
import { submitOrchestratorPayment } from "./requests/payments.routes";
import { createHandler, getHandler, listHandler, listLinksHandler, paymentLinkHandler } from "./requests/requests.handlers";
import {
  createOrchestratorPaymentLink,
  createOrchestratorRequest,
  getOrchestratorRequest,
  listOrchestratorPaymentLinks,
  listOrchestratorRequests,
} from "./requests/requests.routes";

const router = createRouter();
router
  .openapi(createOrchestratorRequest, createHandler)
  .openapi(getOrchestratorRequest, getHandler)
  .openapi(listOrchestratorRequests, listHandler)
  .openapi(createOrchestratorPaymentLink, paymentLinkHandler)
  .openapi(listOrchestratorPaymentLinks, listLinksHandler)
  .openapi(cancelOrchestratorRequest, cancelHandler)
  .openapi(listOrchestratorRequestEvents, eventsHandler)
  .openapi(submitOrchestratorPayment, submitPaymentHandler)
  .openapi(getOwnClient, getClientHandler);

export default router;
