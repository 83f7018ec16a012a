import { attribute, HOW_TO_ATTRIBUTE } from "./attribution";
import type { Attribution, SentTransaction } from "./attribution";
import { requiredConfirmations } from "./confirmations";
import { chainMap, rpcBatch, rpcCall, rpcUrl } from "./rpc";
import type { ChainEnv, RpcResult } from "./rpc";
import { isKnownUnknown, rememberUnknown } from "./unknown-hashes";
import { QuantityShape, ReceiptShape, TransactionShape } from "./rpc-shapes";
import type { Receipt, Transaction } from "./rpc-shapes";
import { decodeTransferLog } from "./transfer-log";
import type { TransferLog } from "./transfer-log";
import { mismatchOf } from "./mismatch";
import { carriesReference, proxyPaymentsIn } from "./proxy-attribution";

export type PaymentSubmission = {
  /** The destination's chain, token contract and wallet. */
  chainId: number;
  tokenAddress: string;
  walletAddress: string;
  txHash: string;
  requestId: string;
  /** The request's payer.walletAddress, when it names one. */
  payerWallet?: string | null;
  /** EIP-191 signature of attributionMessage(requestId, txHash) by the sender. */
  signature?: string | null;
  /** The recipient names the transaction itself (mark-paid): its word ties the transfer to the request. */
  trusted?: boolean;
  /** Only Transfers from this address count (an outgoing payment: from the destination's wallet to the payee's). */
  sender?: string;
};

/** One Transfer log to the destination: what a request's payments list records. Addresses and hash lowercase. */
export type VerifiedPayment = { txHash: string; logIndex: number; chainId: number; from: string; amountMinor: bigint; blockNumber: number };

export type VerifyOutcome =
  | { outcome: "chain_unavailable"; detail: string }
  | { outcome: "not_found"; detail: string }
  | { outcome: "mismatch"; field: "chain" | "token" | "recipient" | "sender" | "transfer"; detail: string }
  | { outcome: "unattributed"; detail: string; transfers: VerifiedPayment[] }
  | { outcome: "confirming" | "confirmed"; payments: VerifiedPayment[]; attribution: Attribution; confirmations: number; required: number };

const TX_HASH = /^0x[0-9a-fA-F]{64}$/;

/** True for a 0x-prefixed 32-byte hex transaction hash (routes answer 400 otherwise). */
export const isTxHash = (value: string): boolean => TX_HASH.test(value);

type Fetched = { ok: true; tx: Transaction | null; receipt: Receipt | null; head: number } | { ok: false; detail: string };

/** A transaction, its receipt and the head, in one JSON-RPC batch (also the refund check's read). */
export async function fetchTransaction(url: string, txHash: string): Promise<Fetched> {
  // One JSON-RPC batch: one round trip, and one request against the provider's limits, not three.
  const [tx, receipt, head] = (await rpcBatch(url, [
    { method: "eth_getTransactionByHash", params: [txHash] },
    { method: "eth_getTransactionReceipt", params: [txHash] },
    { method: "eth_blockNumber", params: [] },
  ])) as [RpcResult, RpcResult, RpcResult];
  for (const r of [tx, receipt, head]) if (!r.ok) return { ok: false, detail: r.reason };
  const parsed = {
    tx: tx.ok && tx.result === null ? null : TransactionShape.safeParse(tx.ok && tx.result),
    receipt: receipt.ok && receipt.result === null ? null : ReceiptShape.safeParse(receipt.ok && receipt.result),
    head: QuantityShape.safeParse(head.ok && head.result),
  };
  if ((parsed.tx && !parsed.tx.success) || (parsed.receipt && !parsed.receipt.success) || !parsed.head.success) {
    return { ok: false, detail: "the RPC answered something that is not a transaction, receipt or block number" };
  }
  return { ok: true, tx: parsed.tx?.data ?? null, receipt: parsed.receipt?.data ?? null, head: parsed.head.data };
}

const notOnChain = (chainId: number, txHash: string): VerifyOutcome => ({
  outcome: "not_found",
  detail: `Chain ${chainId} has no transaction ${txHash}. If it was just sent, submit it again in a minute.`,
});

/** Another configured chain that knows `txHash` (a payer who paid on the wrong chain), or undefined. */
async function otherChainWith(env: ChainEnv, chainId: number, txHash: string): Promise<number | undefined> {
  const others = [...chainMap(env.CHAIN_RPC_URLS)].filter(([id]) => id !== chainId);
  const found = await Promise.all(
    others.map(async ([id, url]) => {
      const r = await rpcCall(url, "eth_getTransactionByHash", [txHash]);
      return r.ok && r.result !== null ? id : undefined;
    }),
  );
  return found.find((id) => id !== undefined);
}

/**
 * Checks a submitted transaction against a destination and a request:
 * fetch transaction and receipt → find the Transfer logs of the destination's
 * token to its wallet → tie them to the request → count confirmations.
 * Never throws; records nothing (the caller records the outcome).
 */
export async function verifyPayment(env: ChainEnv, input: PaymentSubmission): Promise<VerifyOutcome> {
  const url = rpcUrl(env, input.chainId);
  if (!url) return { outcome: "chain_unavailable", detail: `No RPC URL is configured for chain ${input.chainId} (CHAIN_RPC_URLS).` };
  if (!isTxHash(input.txHash)) return { outcome: "not_found", detail: "Not a transaction hash." };
  const txHash = input.txHash.toLowerCase();
  if (isKnownUnknown(input.chainId, txHash)) return notOnChain(input.chainId, txHash);
  const fetched = await fetchTransaction(url, txHash);
  if (!fetched.ok)
    return { outcome: "chain_unavailable", detail: `Chain ${input.chainId} is unavailable (${fetched.detail}); retry later.` };
  const { tx, receipt, head } = fetched;
  if (!tx) {
    const elsewhere = await otherChainWith(env, input.chainId, txHash);
    if (elsewhere !== undefined)
      return {
        outcome: "mismatch",
        field: "chain",
        detail: `The transaction is on chain ${elsewhere}, the destination on chain ${input.chainId}.`,
      };
    rememberUnknown(input.chainId, txHash);
    return notOnChain(input.chainId, txHash);
  }
  if (tx.chainId !== undefined && Number(tx.chainId) !== input.chainId) {
    return {
      outcome: "mismatch",
      field: "chain",
      detail: `The transaction is on chain ${Number(tx.chainId)}, the destination on chain ${input.chainId}.`,
    };
  }
  if (receipt && receipt.status !== "0x1")
    return { outcome: "not_found", detail: `Transaction ${txHash} failed (reverted); it moved nothing.` };
  const sent: SentTransaction = { from: tx.from, to: tx.to, input: tx.input };
  let attribution: Attribution | null = input.trusted ? "recipient" : attribute(sent, { ...input, txHash });
  const required = requiredConfirmations(env, input.chainId);
  // Still in the mempool: nothing to count yet, re-check later.
  if (!receipt) {
    if (!attribution) return { outcome: "unattributed", detail: HOW_TO_ATTRIBUTE, transfers: [] };
    return { outcome: "confirming", payments: [], attribution, confirmations: 0, required };
  }
  const transfers = receipt.logs.map(decodeTransferLog).filter((t): t is TransferLog => t !== null);
  const token = input.tokenAddress.toLowerCase();
  const wallet = input.walletAddress.toLowerCase();
  const toWallet = transfers.filter((t) => t.token === token && t.to === wallet);
  // A zero-value Transfer pays nothing; counting it would only clutter a request's payments.
  if (toWallet.length > 0 && toWallet.every((t) => t.amountMinor === 0n))
    return { outcome: "mismatch", field: "transfer", detail: `The transaction's Transfer to ${wallet} moves 0 tokens.` };
  const sender = input.sender?.toLowerCase();
  const ours = sender === undefined ? toWallet : toWallet.filter((t) => t.from === sender);
  if (ours.length === 0 && toWallet.length > 0)
    return { outcome: "mismatch", field: "sender", detail: `The transaction's Transfer to ${wallet} is not sent from ${sender}.` };
  if (ours.length === 0) return mismatchOf(transfers, token, wallet);
  // A payment proxy's log carrying the request's reference ties its transfer like calldata does (its fee is another Transfer).
  if (!attribution && carriesReference(proxyPaymentsIn(env, input.chainId, receipt.logs, token, wallet), input.requestId))
    attribution = "reference";
  const blockNumber = Number(receipt.blockNumber);
  const payments = ours.map((t) => ({
    txHash,
    logIndex: t.logIndex,
    chainId: input.chainId,
    from: t.from,
    amountMinor: t.amountMinor,
    blockNumber,
  }));
  if (!attribution) return { outcome: "unattributed", detail: HOW_TO_ATTRIBUTE, transfers: payments };
  const confirmations = Math.max(0, head - blockNumber + 1);
  return { outcome: confirmations >= required ? "confirmed" : "confirming", payments, attribution, confirmations, required };
}
