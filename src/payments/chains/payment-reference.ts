import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** Selector of ERC-20 `transfer(address,uint256)`. */
export const TRANSFER_SELECTOR = "0xa9059cbb";

// 4-byte selector + two 32-byte arguments, in hex digits after "0x".
const ARGUMENTS_END = 2 + 8 + 64 * 2;

/**
 * A request's 32-byte payment reference: keccak256("payrelay:" + requestId),
 * 0x-hex. It rides after the two ABI arguments of the `transfer` call, which
 * tokens ignore; being a hash it reveals nothing of the request to chain readers.
 */
export function paymentReference(requestId: string): string {
  return `0x${bytesToHex(keccak_256(utf8ToBytes(`payrelay:${requestId}`)))}`;
}

/** `transfer(to, amountMinor)` calldata with the request's reference appended: what a payer's wallet sends. */
export function transferCalldata(to: string, amountMinor: bigint, requestId: string): string {
  const word = (hex: string) => hex.padStart(64, "0");
  return `${TRANSFER_SELECTOR}${word(to.slice(2).toLowerCase())}${word(amountMinor.toString(16))}${paymentReference(requestId).slice(2)}`;
}

/** The 32-byte word right after a `transfer` call's arguments, or null when the input is no such call. */
export function calldataReference(input: string): string | null {
  const hex = input.toLowerCase();
  if (!hex.startsWith(TRANSFER_SELECTOR) || hex.length < ARGUMENTS_END + 64) return null;
  return `0x${hex.slice(ARGUMENTS_END, ARGUMENTS_END + 64)}`;
}
