import { defineRoute } from "../../../define-route";
import { jsonBody, jsonResponse } from "../../../content";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";
import { RefundCreateSchema, RefundSchema } from "../../../../payments/refund.schemas";
import { DestinationRequestParams } from "../../../../requests/request.schemas";

export const refundRequest = defineRoute("session", {
  operationId: "refundRequest",
  method: "post",
  path: "/api/destinations/{destinationId}/requests/{requestId}/refunds",
  tags: ["Dashboard: requests"],
  summary: "Record a refund of an incoming request: a transaction (verified) or a note",
  description:
    "With txHash the transaction is verified on the destination's chain: a Transfer of its token from its wallet to a wallet that paid " +
    "the request, whose amount must be the body's (422 payment_mismatch otherwise: another sender, another recipient, another amount). " +
    "With only a note, the recipient's word records it. The total refunded never exceeds what was paid (400 validation_failed on amount); " +
    "the request keeps its status and amountPaid, gains `refunded`, and its refundDue or overpaidBy shrinks. Event and audit action " +
    "request.refunded. The same transaction again answers the same refund; one that refunds another request is 409 payment_already_used. " +
    "Nothing paid to refund, or an outgoing request: 409 invalid_state.",
  request: { params: DestinationRequestParams, body: jsonBody(RefundCreateSchema) },
  responses: {
    201: jsonResponse(RefundSchema, "The refund recorded (or, for a transaction already recorded for this request, that refund)"),
    ...problems(
      ...BODY_PROBLEMS,
      401,
      404,
      "invalid_state",
      "payment_already_used",
      "payment_mismatch",
      "payment_not_found",
      503,
      "chain_unavailable",
    ),
  },
});
