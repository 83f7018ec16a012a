import { recoverPersonalSigner } from "../../lib/eip191";
import { calldataReference, paymentReference } from "./payment-reference";

/**
 * How a transfer to a destination is tied to one request (docs/http-contract.md,
 * "Attribution"). A destination is one public wallet, so without one of these
 * anyone could claim someone else's transfer for their own request.
 */
export type Attribution = "reference" | "signature" | "payer_wallet" | "recipient";

/** The transaction as eth_getTransactionByHash gives it; addresses lowercase. */
export type SentTransaction = { from: string; to: string | null; input: string };

export type AttributionInput = {
  requestId: string;
  /** Lowercase 0x-hex transaction hash, as it appears in the signed message. */
  txHash: string;
  tokenAddress: string;
  payerWallet?: string | null;
  signature?: string | null;
};

/** The exact text a sender signs (EIP-191 personal_sign) to claim its transaction for a request. */
export function attributionMessage(requestId: string, txHash: string): string {
  return `Payrelay payment ${requestId} ${txHash.toLowerCase()}`;
}

/**
 * The first rule that ties `tx` to the request, or null when none does.
 * A reference in the calldata that is not this request's names another one
 * (the payer said whom it pays), so it ties the transfer to that request only:
 * no signature or payer wallet may claim it for this one (API v1.2,
 * "Attribution, refined"). A reference cannot be inverted to a request id, so
 * any 32-byte word after a direct `transfer`'s arguments counts as one.
 */
export function attribute(tx: SentTransaction, input: AttributionInput): Attribution | null {
  // 1. The reference in calldata counts only on a direct call of the token's transfer.
  const carried = tx.to === input.tokenAddress.toLowerCase() ? calldataReference(tx.input) : null;
  if (carried !== null) return carried === paymentReference(input.requestId) ? "reference" : null;
  // 2. Only the sending key can sign for its own transaction.
  if (input.signature && recoverPersonalSigner(attributionMessage(input.requestId, input.txHash), input.signature) === tx.from)
    return "signature";
  // 3. The request named its payer's wallet in advance.
  if (input.payerWallet && input.payerWallet.toLowerCase() === tx.from) return "payer_wallet";
  return null;
}

/** What an unattributed submission's detail tells the submitter to do. */
export const HOW_TO_ATTRIBUTE =
  "The transfer is not tied to this request: pay with the payment page (it adds the request's reference to the transfer), " +
  "sign `Payrelay payment {requestId} {txHash}` with the sending wallet and submit the signature, or have the request name your wallet as payer.walletAddress.";
