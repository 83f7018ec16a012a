import { z } from "zod";
import { ReceiptShape, TransactionShape, type Receipt, type Transaction } from "../rpc-shapes";
import { TRANSFER_TOPIC } from "../transfer-log";
import { rpcBatch, type RpcCount } from "./rpc-batch";

/** Addresses per eth_getLogs `to` OR-list: what public RPC providers accept in one topic filter. */
export const ADDRESSES_PER_CHUNK = 1_000;

const LogShape = z.object({
  address: z.string(),
  topics: z.array(z.string()),
  data: z.string(),
  logIndex: z.string(),
  blockNumber: z.string(),
  transactionHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
  removed: z.boolean().optional(),
});
export type FoundLog = z.infer<typeof LogShape>;

const addressTopic = (wallet: string) => `0x${wallet.slice(2).toLowerCase().padStart(64, "0")}`;
const hex = (n: number) => `0x${n.toString(16)}`;

/**
 * The token's Transfer logs to any of `wallets` in [from, to]: one eth_getLogs
 * per 1,000 wallets, all in one batch, so a poll costs the same for one
 * destination as for a thousand. null when the chain did not answer (retry the range).
 */
export async function transferLogs(
  url: string,
  token: string,
  wallets: readonly string[],
  from: number,
  to: number,
  count: RpcCount,
): Promise<FoundLog[] | null> {
  const calls = [];
  for (let i = 0; i < wallets.length; i += ADDRESSES_PER_CHUNK) {
    const chunk = wallets.slice(i, i + ADDRESSES_PER_CHUNK).map(addressTopic);
    calls.push({
      method: "eth_getLogs",
      params: [{ address: token, fromBlock: hex(from), toBlock: hex(to), topics: [TRANSFER_TOPIC, null, chunk] }],
    });
  }
  const answer = await rpcBatch(url, calls, count);
  if (!answer.ok) return null;
  const logs = z.array(z.array(LogShape)).safeParse(answer.results);
  if (!logs.success) return null;
  return logs.data.flat().filter((l) => l.removed !== true);
}

export type TxDetails = { tx: Transaction; receipt: Receipt };

/**
 * Each transaction's calldata and receipt (the calldata reference, a proxy's
 * log), both for every hash in one batch. null when the chain did not answer.
 */
export async function transactions(url: string, hashes: readonly string[], count: RpcCount): Promise<Map<string, TxDetails> | null> {
  const calls = hashes.flatMap((h) => [
    { method: "eth_getTransactionByHash", params: [h] },
    { method: "eth_getTransactionReceipt", params: [h] },
  ]);
  const answer = await rpcBatch(url, calls, count);
  if (!answer.ok) return null;
  const out = new Map<string, TxDetails>();
  for (const [i, h] of hashes.entries()) {
    const tx = TransactionShape.safeParse(answer.results[2 * i]);
    const receipt = ReceiptShape.safeParse(answer.results[2 * i + 1]);
    // A log whose transaction the node no longer knows was reorged out meanwhile: the next poll decides.
    if (!tx.success || !receipt.success) return null;
    out.set(h.toLowerCase(), { tx: tx.data, receipt: receipt.data });
  }
  return out;
}
