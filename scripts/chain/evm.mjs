// The few Ethereum encodings the local-chain scripts need, without a library:
// JSON-RPC over fetch, function selectors, 32-byte words and ERC-20 `transfer`
// calldata with Payrelay's payment reference appended.
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** One JSON-RPC call; throws on a transport or RPC error (scripts fail loudly). */
export async function rpc(url, method, params = []) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** 4-byte selector of a function signature, e.g. "transfer(address,uint256)", as 8 hex digits. */
export const selector = (signature) => bytesToHex(keccak_256(utf8ToBytes(signature))).slice(0, 8);

/** A 20-byte address or a non-negative bigint as one 32-byte ABI word (64 hex digits). */
export const word = (value) => (typeof value === "bigint" ? value.toString(16) : value.replace(/^0x/, "").toLowerCase()).padStart(64, "0");

/** keccak256("payrelay:" + requestId): the 32-byte payment reference (mirror of src/payments/chains/payment-reference.ts). */
export const paymentReference = (requestId) => `0x${bytesToHex(keccak_256(utf8ToBytes(`payrelay:${requestId}`)))}`;

/** `transfer(to, amount)` calldata, with a payment reference after the arguments when given. */
export function transferCalldata(to, amountMinor, reference) {
  return `0x${selector("transfer(address,uint256)")}${word(to)}${word(amountMinor)}${reference ? reference.replace(/^0x/, "") : ""}`;
}

/** Sends a transaction from an unlocked node account and waits for its receipt. */
export async function sendAndWait(url, tx) {
  const hash = await rpc(url, "eth_sendTransaction", [tx]);
  for (let i = 0; i < 100; i++) {
    const receipt = await rpc(url, "eth_getTransactionReceipt", [hash]);
    if (receipt) return receipt;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no receipt for ${hash}`);
}
