import { defineRoute } from "../../lib/define-route";
import { jsonResponse } from "../../schemas/content";
import { problems } from "../../schemas/problem";
import { PaymentLinkTokenParams, PublicPaymentLinkSchema } from "../../schemas/public-link";

export const getPublicPaymentLink = defineRoute("public", {
  operationId: "getPublicPaymentLink",
  method: "get",
  path: "/api/public/payment-links/{token}",
  tags: ["Public"],
  summary: "What a payer sees at /pay/{token}",
  request: { params: PaymentLinkTokenParams },
  responses: {
    200: jsonResponse(PublicPaymentLinkSchema, "The payment link"),
    ...problems(400, 404, 410),
  },
});
