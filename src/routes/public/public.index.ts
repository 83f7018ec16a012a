import { createRouter } from "../../lib/create-router";
import { publicLinkHandler } from "./public.handlers";
import { getPublicPaymentLink } from "./public.routes";

const router = createRouter();
router.openapi(getPublicPaymentLink, publicLinkHandler);

export default router;
