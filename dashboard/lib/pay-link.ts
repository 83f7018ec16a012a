import type { PublicPaymentLink } from "./types";

/** What the payer's page reads of a link: the public view, with its payment progress. */
export type PayLink = PublicPaymentLink;

/** Statuses in which the payer can still send money to this link. */
export const PAYABLE: readonly string[] = ["pending", "partially_paid"];

/** Tokens still to send, in major units (`amountDue` is in the request's currency; the wallet sends tokens). */
export const amountDueOf = (link: PayLink): string => link.pay.amountDue;
