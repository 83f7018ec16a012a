import { createRouter } from "../../../create-router";
import { approveHandler, cancelHandler, eventsHandler, rejectHandler } from "./lifecycle.handlers";
import { approveRequest, cancelDestinationRequest, listDestinationRequestEvents, rejectRequest } from "./lifecycle.routes";
import { markPaidHandler, unattributedHandler } from "./payments.handlers";
import { listUnattributedPayments, markRequestPaid } from "./payments.routes";
import { evidenceHandler } from "./evidence.handlers";
import { getRequestEvidence } from "./evidence.routes";
import { refundHandler } from "./refunds.handlers";
import { refundRequest } from "./refunds.routes";
import { createHandler, getHandler, listHandler, paymentLinkHandler, paymentLinksHandler } from "./requests.handlers";
import {
  createDestinationPaymentLink,
  createDestinationRequest,
  getDestinationRequest,
  listDestinationRequests,
  listDestinationPaymentLinks,
} from "./requests.routes";

const router = createRouter();
router
  .openapi(listDestinationRequests, listHandler)
  .openapi(getDestinationRequest, getHandler)
  .openapi(createDestinationRequest, createHandler)
  .openapi(createDestinationPaymentLink, paymentLinkHandler)
  .openapi(cancelDestinationRequest, cancelHandler)
  .openapi(approveRequest, approveHandler)
  .openapi(rejectRequest, rejectHandler)
  .openapi(listDestinationRequestEvents, eventsHandler)
  .openapi(listDestinationPaymentLinks, paymentLinksHandler)
  .openapi(markRequestPaid, markPaidHandler)
  .openapi(listUnattributedPayments, unattributedHandler)
  .openapi(refundRequest, refundHandler)
  .openapi(getRequestEvidence, evidenceHandler);

export default router;
