import { createRouter } from "../../lib/create-router";
import { createHandler, getHandler, listHandler, paymentLinkHandler } from "./requests.handlers";
import { createManualPaymentLink, createManualRequest, getDashboardRequest, listDashboardRequests } from "./requests.routes";

const router = createRouter();
router
  .openapi(listDashboardRequests, listHandler)
  .openapi(getDashboardRequest, getHandler)
  .openapi(createManualRequest, createHandler)
  .openapi(createManualPaymentLink, paymentLinkHandler);

export default router;
