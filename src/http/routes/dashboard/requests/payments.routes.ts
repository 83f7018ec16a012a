import { defineRoute } from "../../../define-route";
import { jsonBody, jsonResponse } from "../../../content";
import { DestinationParams } from "../../../../destinations/destination.schemas";
import { CursorQuerySchema, MarkPaidSchema, UnattributedPaymentListSchema } from "../../../../payments/payment.schemas";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";
import { RequestDetailSchema } from "../../../../requests/request.schemas";
import { DestinationRequestParams } from "../../../../requests/request.schemas";

const tags = ["Dashboard: requests"];

export const markRequestPaid = defineRoute("session", {
  operationId: "markRequestPaid",
  method: "post",
  path: "/api/destinations/{destinationId}/requests/{requestId}/mark-paid",
  tags,
  summary: "Record a payment: a transaction (verified) or a declared settlement (a note)",
  description:
    "With txHash the transaction is verified on the destination's chain: for an incoming request a Transfer of its token to its wallet " +
    "(the recipient's word ties it to the request, so an unattributed transfer is assigned this way), for an approved outgoing request " +
    "a Transfer from the destination's wallet to the payee's walletAddress. With only a note, the remaining amount is recorded as a declared " +
    "payment (bank rails), shown as declared, not verified. Errors as for submitted payments; a status that takes no payment is 409 invalid_state.",
  request: { params: DestinationRequestParams, body: jsonBody(MarkPaidSchema) },
  responses: {
    200: jsonResponse(RequestDetailSchema, "The request with the payment recorded"),
    ...problems(
      ...BODY_PROBLEMS,
      401,
      404,
      "invalid_state",
      "payment_already_used",
      "payment_not_found",
      "payment_mismatch",
      "payment_unattributed",
      "chain_unavailable",
      503,
    ),
  },
});

export const listUnattributedPayments = defineRoute("session", {
  operationId: "listUnattributedPayments",
  method: "get",
  path: "/api/destinations/{destinationId}/unattributed-payments",
  tags,
  summary: "Verified transfers to the destination that no request could claim, newest first",
  description:
    "Each came from a submission that could not be tied to its request (422 payment_unattributed). Assign one with mark-paid and its txHash.",
  request: { params: DestinationParams, query: CursorQuerySchema },
  responses: { 200: jsonResponse(UnattributedPaymentListSchema, "A page of unattributed transfers"), ...problems(400, 401, 404) },
});
