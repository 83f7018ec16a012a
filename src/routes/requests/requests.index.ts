import { createRouter } from "../../lib/create-router";
import { createHandler, getHandler, listHandler, paymentLinkHandler, paymentLinksHandler } from "./requests.handlers";
import { createManualPaymentLink, createManualRequest, getDashboardRequest, listDashboardRequests, listManualPaymentLinks } from "./requests.routes";

const router = createRouter();
router
  .openapi(listDashboardRequests, listHandler)
  .openapi(getDashboardRequest, getHandler)
  .openapi(createManualRequest, createHandler)
  .openapi(createManualPaymentLink, paymentLinkHandler)
  .openapi(listManualPaymentLinks, paymentLinksHandler);

export default router;
