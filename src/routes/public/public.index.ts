import { createRouter } from "../../lib/create-router";
import { publicLinkHandler } from "./public.handlers";
import { getPublicPaymentLink } from "./public.routes";
import { submitPublicPaymentHandler } from "./public-payments.handlers";
import { submitPublicPayment } from "./public-payments.routes";

const router = createRouter();
router.openapi(getPublicPaymentLink, publicLinkHandler).openapi(submitPublicPayment, submitPublicPaymentHandler);

export default router;
