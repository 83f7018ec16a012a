import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** topic0 of ERC-20 `Transfer(address indexed from, address indexed to, uint256 value)`. */
export const TRANSFER_TOPIC = `0x${bytesToHex(keccak_256(utf8ToBytes("Transfer(address,address,uint256)")))}`;

/** A receipt log as eth_getTransactionReceipt returns it (the fields we read). */
export type RpcLog = { address: string; topics: readonly string[]; data: string; logIndex: string };

/** One ERC-20 transfer; addresses lowercase, the amount in the token's minor units. */
export type TransferLog = { logIndex: number; token: string; from: string; to: string; amountMinor: bigint };

// An indexed address is a 32-byte topic: 12 zero bytes, then the 20-byte address.
const ADDRESS_TOPIC = /^0x0{24}([0-9a-f]{40})$/;
const WORD = /^0x[0-9a-f]{64}$/;
const QUANTITY = /^0x[0-9a-f]+$/;

/**
 * The ERC-20 Transfer a log records, or null for any other log. ERC-721's
 * Transfer has the same topic0 but indexes the token id as a fourth topic and
 * has no data, so exactly three topics and one data word tell them apart.
 */
export function decodeTransferLog(log: RpcLog): TransferLog | null {
  const [topic0, fromTopic, toTopic, ...rest] = log.topics.map((t) => t.toLowerCase());
  if (topic0 !== TRANSFER_TOPIC || rest.length > 0 || !fromTopic || !toTopic) return null;
  const from = ADDRESS_TOPIC.exec(fromTopic)?.[1];
  const to = ADDRESS_TOPIC.exec(toTopic)?.[1];
  const data = log.data.toLowerCase();
  const logIndex = log.logIndex.toLowerCase();
  if (!from || !to || !WORD.test(data) || !QUANTITY.test(logIndex)) return null;
  return { logIndex: Number(logIndex), token: log.address.toLowerCase(), from: `0x${from}`, to: `0x${to}`, amountMinor: BigInt(data) };
}
