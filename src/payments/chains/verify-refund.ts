import { requiredConfirmations } from "./confirmations";
import type { ChainEnv } from "./rpc";
import { rpcUrl } from "./rpc";
import { decodeTransferLog, type TransferLog } from "./transfer-log";
import { fetchTransaction, isTxHash } from "./verify-payment";

/** A refund's transaction as the destination sent it: its token, from its wallet. Addresses any case. */
export type RefundSubmission = { chainId: number; tokenAddress: string; walletAddress: string; txHash: string };

/** The Transfer that refunds: its first log from the destination's wallet (to, amount), or why there is none. */
export type RefundCheck =
  | { outcome: "chain_unavailable"; detail: string }
  | { outcome: "not_found"; detail: string }
  | { outcome: "mismatch"; field: "token" | "sender"; detail: string }
  | { outcome: "confirmed"; chainId: number; txHash: string; logIndex: number; to: string; amountMinor: bigint };

/**
 * Reads a refund's transaction: fetch transaction and receipt → find the Transfers of the destination's
 * token sent from its wallet → the first one is the refund (to whom, how much), once it has the chain's
 * confirmations. Whether its recipient paid the request is the authority's call (it holds the payments).
 * Never throws; records nothing.
 */
export async function verifyRefund(env: ChainEnv, input: RefundSubmission): Promise<RefundCheck> {
  const url = rpcUrl(env, input.chainId);
  if (!url) return { outcome: "chain_unavailable", detail: `No RPC URL is configured for chain ${input.chainId} (CHAIN_RPC_URLS).` };
  if (!isTxHash(input.txHash)) return { outcome: "not_found", detail: "Not a transaction hash." };
  const txHash = input.txHash.toLowerCase();
  const fetched = await fetchTransaction(url, txHash);
  if (!fetched.ok)
    return { outcome: "chain_unavailable", detail: `Chain ${input.chainId} is unavailable (${fetched.detail}); retry later.` };
  const { receipt, head } = fetched;
  if (!fetched.tx || !receipt)
    return {
      outcome: "not_found",
      detail: `Chain ${input.chainId} has no mined transaction ${txHash}. If it was just sent, try again in a minute.`,
    };
  if (receipt.status !== "0x1") return { outcome: "not_found", detail: `Transaction ${txHash} failed (reverted); it moved nothing.` };
  const token = input.tokenAddress.toLowerCase();
  const wallet = input.walletAddress.toLowerCase();
  const ofToken = receipt.logs.map(decodeTransferLog).filter((t): t is TransferLog => t !== null && t.token === token);
  if (ofToken.length === 0)
    return { outcome: "mismatch", field: "token", detail: `The transaction moves none of the destination's token (${token}).` };
  const refund = ofToken.find((t) => t.from === wallet && t.amountMinor > 0n);
  if (!refund)
    return {
      outcome: "mismatch",
      field: "sender",
      detail: `The transaction's Transfer is not sent from the destination's wallet ${wallet}; a refund goes from it back to the payer.`,
    };
  const required = requiredConfirmations(env, input.chainId);
  const confirmations = Math.max(0, head - Number(receipt.blockNumber) + 1);
  if (confirmations < required)
    return {
      outcome: "not_found",
      detail: `Transaction ${txHash} has ${confirmations} of ${required} confirmations; record the refund once it is confirmed.`,
    };
  return {
    outcome: "confirmed",
    chainId: input.chainId,
    txHash,
    logIndex: refund.logIndex,
    to: refund.to,
    amountMinor: refund.amountMinor,
  };
}
