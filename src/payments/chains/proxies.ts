import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import type { RpcLog } from "./transfer-log";

/**
 * Request Network's ERC20FeeProxy: a payer approves the proxy, which moves the
 * tokens and logs `TransferWithReferenceAndFee`, carrying a payment reference
 * as `bytes indexed` (so its topic is the keccak256 of those bytes). Payrelay's
 * reference is the request's 32-byte paymentReference, so a proxy payment is
 * attributed by reference, like the calldata one.
 */

/** topic0 of `TransferWithReferenceAndFee(address,address,uint256,bytes,uint256,address)`. */
export const PROXY_EVENT_TOPIC = `0x${bytesToHex(
  keccak_256(utf8ToBytes("TransferWithReferenceAndFee(address,address,uint256,bytes,uint256,address)")),
)}`;

/**
 * Request Network's published ERC20FeeProxy deployments (its smart-contracts package, version 0.2.0), only on
 * chains Payrelay serves and never its "private" test network. Others come from PAYMENT_PROXIES.
 */
const PUBLISHED: Readonly<Record<number, readonly string[]>> = {
  1: ["0x370de27fdb7d1ff1e1baa7d11c5820a324cf623c"],
  10: ["0x399f5ee127ce7432e4921a61b8cf52b0af52cbfe"],
  137: ["0x0dfbee143b42b41efc5a6f87bfd1ffc78c2f0ac9", "0x2171a0dc12a9e5b1659fef2bb20e54c84fa7db0c"],
  42161: ["0x0dfbee143b42b41efc5a6f87bfd1ffc78c2f0ac9"],
};

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const parsed = new Map<string, ReadonlyMap<number, readonly string[]>>();

/** PAYMENT_PROXIES parsed once per value; malformed JSON or entries configure nothing (never a 500). */
function configured(raw: string | undefined): ReadonlyMap<number, readonly string[]> {
  const key = raw ?? "";
  let map = parsed.get(key);
  if (!map) {
    const entries = new Map<number, string[]>();
    try {
      const json: unknown = JSON.parse(key || "{}");
      if (json && typeof json === "object" && !Array.isArray(json))
        for (const [id, list] of Object.entries(json))
          if (/^[1-9]\d*$/.test(id) && Array.isArray(list))
            entries.set(
              Number(id),
              list.filter((a): a is string => typeof a === "string" && ADDRESS.test(a)).map((a) => a.toLowerCase()),
            );
    } catch {
      // As for CHAIN_RPC_URLS: a malformed map adds no proxy.
    }
    map = entries;
    parsed.set(key, map);
  }
  return map;
}

export type ProxyEnv = { PAYMENT_PROXIES?: string };

/** Every proxy counted on `chainId`, lowercase: PAYMENT_PROXIES' first, then the published ones. */
export function proxiesOf(env: ProxyEnv, chainId: number): readonly string[] {
  return [...new Set([...(configured(env.PAYMENT_PROXIES).get(chainId) ?? []), ...(PUBLISHED[chainId] ?? [])])];
}

/** The proxy a payer's tool should use on `chainId` (the public link view's pay.proxyAddress), or null. */
export const proxyAddressFor = (env: ProxyEnv, chainId: number): string | null => proxiesOf(env, chainId)[0] ?? null;

/** The topic a proxy log carries for a request: keccak256 of its 32 reference bytes. */
export const proxyReferenceTopic = (reference: string): string => `0x${bytesToHex(keccak_256(hexToBytes(reference.slice(2))))}`;

/** One proxy payment; addresses lowercase, amounts in the token's minor units. */
export type ProxyPayment = { proxy: string; token: string; to: string; amountMinor: bigint; referenceTopic: string; logIndex: number };

const WORDS = /^0x[0-9a-f]{320}$/; // five non-indexed words: token, to, amount, fee, fee address

/** The payment a log records when it is a TransferWithReferenceAndFee of one of `proxies`, else null. */
export function decodeProxyLog(log: RpcLog, proxies: readonly string[]): ProxyPayment | null {
  const [topic0, referenceTopic, ...rest] = log.topics.map((t) => t.toLowerCase());
  const data = log.data.toLowerCase();
  if (topic0 !== PROXY_EVENT_TOPIC || !referenceTopic || rest.length > 0 || !WORDS.test(data)) return null;
  if (!proxies.includes(log.address.toLowerCase())) return null;
  const word = (i: number) => data.slice(2 + 64 * i, 2 + 64 * (i + 1));
  return {
    proxy: log.address.toLowerCase(),
    token: `0x${word(0).slice(24)}`,
    to: `0x${word(1).slice(24)}`,
    amountMinor: BigInt(`0x${word(2)}`),
    referenceTopic,
    logIndex: Number(log.logIndex),
  };
}
