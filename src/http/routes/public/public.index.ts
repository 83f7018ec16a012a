import { createRouter } from "../../create-router";
import { publicLinkHandler } from "./public.handlers";
import { getPublicPaymentLink } from "./public.routes";
import { declarePublicPayerHandler, submitPublicPaymentHandler } from "./public-payments.handlers";
import { declarePublicPayer, submitPublicPayment } from "./public-payments.routes";

const router = createRouter();
router
  .openapi(getPublicPaymentLink, publicLinkHandler)
  .openapi(submitPublicPayment, submitPublicPaymentHandler)
  .openapi(declarePublicPayer, declarePublicPayerHandler);

export default router;
