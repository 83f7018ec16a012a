/**
 * The one contract call the pay page makes, encoded by hand: a library for
 * `transfer(address,uint256)` would cost payers more bytes than the page itself.
 */
const TRANSFER_SELECTOR = "a9059cbb";
const word = (hex: string) => hex.padStart(64, "0");

/** True for a transaction hash as chains print it: 0x and 64 hex digits. */
export const isTxHash = (value: string): boolean => /^0x[0-9a-fA-F]{64}$/.test(value);

/**
 * "12.5" with 6 decimals → 12500000n, through strings only (a float would lose
 * cents on large amounts). Null for anything that is not a plain decimal within
 * the token's precision.
 */
export function toMinorUnits(amount: string, decimals: number): bigint | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!m) return null;
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  if (fraction.length > decimals) return null;
  return BigInt(m[1]!) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
}

/**
 * Calldata for ERC-20 `transfer(to, amountMinor)` with the request's 32-byte
 * payment reference appended after the two ABI arguments: tokens ignore the
 * trailing word, Payrelay reads it to tie the transfer to this request.
 */
export function transferCalldata(to: string, amountMinor: bigint, reference: string): string {
  if (!/^0x[0-9a-fA-F]{40}$/.test(to)) throw new Error("Not an address.");
  if (!/^0x[0-9a-fA-F]{64}$/.test(reference)) throw new Error("Not a payment reference.");
  if (amountMinor <= 0n || amountMinor >= 2n ** 256n) throw new Error("Not a payable amount.");
  return `0x${TRANSFER_SELECTOR}${word(to.slice(2).toLowerCase())}${word(amountMinor.toString(16))}${reference.slice(2).toLowerCase()}`;
}
