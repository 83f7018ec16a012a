import { defineRoute } from "../../define-route";
import { jsonResponse } from "../../content";
import { problems } from "../../../lib/problem.schemas";
import { PaymentLinkTokenParams, PublicPaymentLinkSchema } from "../../../requests/links/public-link.schemas";

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
