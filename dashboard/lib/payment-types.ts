/** Shapes of payments as the OpenAPI document describes them (the SDK's generated types, erased from the bundle). */
import type { components } from "../../sdk/src/schema";
import { PAYMENT_RULES } from "../../src/requests/transitions";
import type { PaymentRequest } from "./types";

/**
 * One payment of a request: a transfer Payrelay verified on-chain, or one the
 * recipient declared (`declared`, bank rails: no transaction), never shown as verified.
 */
export type RequestPayment = components["schemas"]["Payment"];

/** A request as its detail view shows it, with its payments. */
export type RequestDetail = components["schemas"]["RequestDetail"];

/** A transfer to the destination's wallet tied to no request: the recipient may assign it. */
export type UnattributedPayment = components["schemas"]["UnattributedPayment"];

/**
 * Where "Mark paid" is offered: the statuses in which the API records a declared
 * payment, read from the same table it enforces (so the button never meets a 409).
 */
export function canMarkPaid(r: PaymentRequest): boolean {
  return PAYMENT_RULES[r.direction].declared.includes(r.status);
}
