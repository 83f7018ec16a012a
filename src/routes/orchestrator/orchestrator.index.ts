import { createRouter } from "../../lib/create-router";
import { createHandler, getHandler, listHandler, paymentLinkHandler } from "./orchestrator.handlers";
import { createOrchestratorPaymentLink, createOrchestratorRequest, getOrchestratorRequest, listOrchestratorRequests } from "./orchestrator.routes";

const router = createRouter();
router
  .openapi(createOrchestratorRequest, createHandler)
  .openapi(getOrchestratorRequest, getHandler)
  .openapi(listOrchestratorRequests, listHandler)
  .openapi(createOrchestratorPaymentLink, paymentLinkHandler);

export default router;
