import type { PublicPaymentLink } from "./types";

/**
 * What the payer's page reads of a link. Payment progress (amountPaid, amountDue,
 * paymentReference, payments) is optional here so the page still renders a
 * link from a server that does not report it; see `amountDueOf`.
 */
export type PayLink = PublicPaymentLink & {
  /** In the request's currency, as is `amountDue`; `pay.amountDue` is the tokens still to send. */
  amountPaid?: string;
  amountDue?: string;
  paymentReference?: string;
  payments?: { txHash: string; status: string }[];
  pay: { amountDue?: string };
};

/** Statuses in which the payer can still send money to this link. */
export const PAYABLE: readonly string[] = ["pending", "partially_paid"];

/** Tokens still to send, in major units: the server's `pay.amountDue`, else the whole amount. */
export const amountDueOf = (link: PayLink): string => link.pay.amountDue ?? link.pay.amount;
