import type { PaymentRequest } from "./types";

/** A transfer Payrelay verified on-chain for a request. */
export interface VerifiedPayment {
  txHash: string;
  logIndex: number;
  chainId: number;
  from: string;
  amount: string;
  blockNumber: number | string;
  status: "confirming" | "confirmed";
  confirmedAt: string | null;
}

/** A payment the recipient declared (bank rails, or a note), shown as declared, never as verified. */
export interface DeclaredPayment {
  declared: true;
  note: string | null;
  amount: string;
  txHash?: string | null;
}

export type RequestPayment = VerifiedPayment | DeclaredPayment;

/**
 * A request as its detail view shows it (the contract's "Verified payments").
 * The payment fields are optional so the page still renders a server that
 * does not report them yet.
 */
export type RequestDetail = PaymentRequest & {
  overpaidBy?: string | null;
  paidLate?: boolean;
  refundDue?: string | null;
  payments?: RequestPayment[];
};

/** A transfer to the destination's wallet tied to no request: the recipient may assign it. */
export interface UnattributedPayment {
  txHash: string;
  logIndex: number;
  chainId: number;
  from: string;
  amount: string;
  blockNumber?: number | string;
  seenAt?: string;
}

export const isDeclared = (p: RequestPayment): p is DeclaredPayment => "declared" in p && p.declared;

/** Where the recipient may mark a request paid: outgoing once approved, incoming while money is still due. */
export function canMarkPaid(r: PaymentRequest): boolean {
  return r.direction === "outgoing" ? r.status === "approved" : r.status === "pending" || r.status === "partially_paid";
}
