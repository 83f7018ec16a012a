import { defineRoute } from "../../../define-route";
import { jsonBody, jsonResponse } from "../../../content";
import { PaymentSubmissionSchema } from "../../../../payments/payment.schemas";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";
import { RequestDetailSchema } from "../../../../requests/request.schemas";
import { RequestParams } from "../../../../requests/request.schemas";

export const submitOrchestratorPayment = defineRoute("client", {
  operationId: "submitPayment",
  method: "post",
  path: "/v1/requests/{requestId}/payments",
  tags: ["Orchestrator"],
  summary: "Submit a transaction that pays a request, for verification",
  description:
    "Same visibility as reading the request (its creator, revoked or not, or a reader). The transaction is verified on the destination's chain: " +
    "a Transfer of its token to its wallet, tied to the request by the payment reference in the calldata, the sender's `signature`, or the request's payer.walletAddress. " +
    "Still confirming: `processing`, re-checked until confirmed. Submitting the same transaction again answers the request as it is. " +
    "422 payment_not_found (unknown or failed), payment_mismatch (wrong chain, token or recipient: the detail says which), payment_unattributed (not tied to the request: " +
    "it is listed to the recipient); 409 payment_already_used (it paid another request); 503 chain_unavailable records nothing, so retrying is safe.",
  request: { params: RequestParams, body: jsonBody(PaymentSubmissionSchema) },
  responses: {
    202: jsonResponse(RequestDetailSchema, "The request with the payment recorded"),
    ...problems(
      ...BODY_PROBLEMS,
      401,
      404,
      "invalid_state",
      "payment_already_used",
      "payment_not_found",
      "payment_mismatch",
      "payment_unattributed",
      429,
      "chain_unavailable",
      503,
    ),
  },
});
