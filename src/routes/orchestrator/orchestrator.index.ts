import { createRouter } from "../../lib/create-router";
import { getClientHandler } from "./client.handlers";
import { getOwnClient } from "./client.routes";
import { cancelHandler, eventsHandler } from "./lifecycle.handlers";
import { cancelOrchestratorRequest, listOrchestratorRequestEvents } from "./lifecycle.routes";
import { submitPaymentHandler } from "./payments.handlers";
import { submitOrchestratorPayment } from "./payments.routes";
import { createHandler, getHandler, listHandler, listLinksHandler, paymentLinkHandler } from "./orchestrator.handlers";
import {
  createOrchestratorPaymentLink,
  createOrchestratorRequest,
  getOrchestratorRequest,
  listOrchestratorPaymentLinks,
  listOrchestratorRequests,
} from "./orchestrator.routes";

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
