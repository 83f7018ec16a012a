/** Shapes of payments as the server's schemas define them (types only, erased from the bundle). */
import type { z } from "@hono/zod-openapi";
import { PAYMENT_RULES } from "../../src/requests/transitions";
import type { PaymentSchema, UnattributedPaymentSchema } from "../../src/payments/payment.schemas";
import type { RequestDetailSchema } from "../../src/requests/request.schemas";
import type { PaymentRequest } from "./types";

/**
 * One payment of a request: a transfer Payrelay verified on-chain, or one the
 * recipient declared (`declared`, bank rails: no transaction), never shown as verified.
 */
export type RequestPayment = z.infer<typeof PaymentSchema>;

/** A request as its detail view shows it, with its payments. */
export type RequestDetail = z.infer<typeof RequestDetailSchema>;

/** A transfer to the destination's wallet tied to no request: the recipient may assign it. */
export type UnattributedPayment = z.infer<typeof UnattributedPaymentSchema>;

/**
 * Where "Mark paid" is offered: the statuses in which the API records a declared
 * payment, read from the same table it enforces (so the button never meets a 409).
 */
export function canMarkPaid(r: PaymentRequest): boolean {
  return PAYMENT_RULES[r.direction].declared.includes(r.status);
}
