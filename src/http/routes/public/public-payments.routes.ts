import { defineRoute } from "../../define-route";
import { jsonBody, jsonResponse } from "../../content";
import { PayerDeclarationSchema, PaymentSubmissionSchema } from "../../../payments/payment.schemas";
import { BODY_PROBLEMS, problems } from "../../../lib/problem.schemas";
import { PaymentLinkTokenParams, PublicPaymentLinkSchema } from "../../../requests/links/public-link.schemas";

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

export const declarePublicPayer = defineRoute("public", {
  operationId: "declarePublicPayer",
  method: "post",
  path: "/api/public/payment-links/{token}/payer",
  tags: ["Public"],
  summary: "The payer declares, once, the wallet they will pay from",
  description:
    "Sets the request's `payer.walletAddress` when it names none, so a plain transfer from that wallet counts for this request " +
    "(found by the chain watcher, or submitted). The same wallet again answers 200; another one is 409 `conflict`, as is a request " +
    "whose payer pays by bank. A closed request is 409 `invalid_state`. Limited like payment submissions.",
  request: { params: PaymentLinkTokenParams, body: jsonBody(PayerDeclarationSchema) },
  responses: {
    200: jsonResponse(PublicPaymentLinkSchema, "The link; its request now names the payer's wallet"),
    ...problems(...BODY_PROBLEMS, 404, "conflict", "invalid_state", 410, 429, 503),
  },
});
