import { knownToken } from "../../src/payments/chains/tokens";
import type { Destination, Problem } from "./types";

/** The currencies a client's money limits may be in: the destination's token, and the fiat it is pegged to. */
export function limitCurrencies(d: Destination): string[] {
  const peg = knownToken(d.chainId, d.tokenAddress)?.peggedTo;
  return [d.tokenSymbol, ...(peg ? [peg] : [])];
}

/**
 * A half-typed `<input type="datetime-local">` reports an empty value (and
 * `validity.badInput`), which would save as "no expiry". Refuse it, on the field,
 * before anything is sent.
 */
export function halfTypedExpiry(input: HTMLInputElement | null | undefined, path: string): Problem | null {
  if (!input?.validity.badInput) return null;
  return {
    type: "about:blank",
    title: "Invalid",
    status: 400,
    detail: "Check this field: expires.",
    code: "validation_failed",
    errors: [{ path, message: "Enter the whole date and time (day, month, year, hour and minute), or clear the field for no expiry." }],
  };
}
