import type { PaymentRequest } from "./types";

/**
 * One payment of a request: a transfer Payrelay verified on-chain, or one the
 * recipient declared (`declared`, bank rails: no transaction), never shown as verified.
 */
export interface RequestPayment {
  txHash: string | null;
  logIndex: number | null;
  chainId: number | null;
  from: string | null;
  /** In the token's units for a transfer, the request's for a declared payment. */
  amount: string;
  blockNumber: number | null;
  status: "confirming" | "confirmed";
  confirmedAt: string | null;
  declared: boolean;
  note: string | null;
}

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
  id: string;
  txHash: string;
  logIndex: number;
  chainId: number;
  from: string;
  amount: string;
  blockNumber: number | null;
  status: "confirming" | "confirmed";
  createdAt: string;
}

/** Where the recipient may mark a request paid: outgoing once approved, incoming while money is still due. */
export function canMarkPaid(r: PaymentRequest): boolean {
  return r.direction === "outgoing" ? r.status === "approved" : r.status === "pending" || r.status === "partially_paid";
}
