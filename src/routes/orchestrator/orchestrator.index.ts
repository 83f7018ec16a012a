import { createRouter } from "../../lib/create-router";
import { requireClientSecret } from "../../middleware/client-auth";
import { createHandler, getHandler, listHandler, paymentLinkHandler } from "./orchestrator.handlers";
import { createOrchestratorPaymentLink, createOrchestratorRequest, getOrchestratorRequest, listOrchestratorRequests } from "./orchestrator.routes";

const router = createRouter();
router.use("/v1/*", requireClientSecret);
router
  .openapi(createOrchestratorRequest, createHandler)
  .openapi(getOrchestratorRequest, getHandler)
  .openapi(listOrchestratorRequests, listHandler)
  .openapi(createOrchestratorPaymentLink, paymentLinkHandler);

export default router;
