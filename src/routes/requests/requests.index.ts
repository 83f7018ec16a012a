import { createRouter } from "../../lib/create-router";
import { approveHandler, cancelHandler, eventsHandler, rejectHandler } from "./lifecycle.handlers";
import { approveRequest, cancelDestinationRequest, listDestinationRequestEvents, rejectRequest } from "./lifecycle.routes";
import { createHandler, getHandler, listHandler, paymentLinkHandler } from "./requests.handlers";
import { createManualPaymentLink, createManualRequest, getDashboardRequest, listDashboardRequests } from "./requests.routes";

const router = createRouter();
router
  .openapi(listDashboardRequests, listHandler)
  .openapi(getDashboardRequest, getHandler)
  .openapi(createManualRequest, createHandler)
  .openapi(createManualPaymentLink, paymentLinkHandler)
  .openapi(cancelDestinationRequest, cancelHandler)
  .openapi(approveRequest, approveHandler)
  .openapi(rejectRequest, rejectHandler)
  .openapi(listDestinationRequestEvents, eventsHandler);

export default router;
