import { defineRoute } from "../../lib/define-route";
import { jsonBody, jsonResponse } from "../../schemas/content";
import { PaymentSubmissionSchema } from "../../schemas/payment";
import { BODY_PROBLEMS, problems } from "../../schemas/problem";
import { PaymentLinkTokenParams, PublicPaymentLinkSchema } from "../../schemas/public-link";

export const submitPublicPayment = defineRoute("public", {
  operationId: "submitPublicPayment",
  method: "post",
  path: "/api/public/payment-links/{token}/payments",
  tags: ["Public"],
  summary: "The payer submits the transaction that pays the link's request",
  description:
    "Verified as for `POST /v1/requests/{id}/payments` (the pay page's transfer carries the request's paymentReference). " +
    "Answers the link as the payer sees it; an expired link is 410 like reading it.",
  request: { params: PaymentLinkTokenParams, body: jsonBody(PaymentSubmissionSchema) },
  responses: {
    202: jsonResponse(PublicPaymentLinkSchema, "The link with the payment recorded"),
    ...problems(
      ...BODY_PROBLEMS,
      404,
      "invalid_state",
      "payment_already_used",
      410,
      "payment_not_found",
      "payment_mismatch",
      "payment_unattributed",
      429,
      "chain_unavailable",
      503,
    ),
  },
});
