import type { TokenProfile } from "../chains/currency";

/** An amount the authority keeps for a limit: bigint minor units as a string, its currency and that currency's decimals. */
export type LimitMoney = { minor: string; currency: string; decimals: number };

/**
 * Whether two currencies measure the same value under this destination: the
 * same code, or the token and the fiat it is pegged to 1:1 (USDC and USD).
 */
export function sameValue(a: string, b: string, token: TokenProfile): boolean {
  if (a === b) return true;
  const pair = [token.symbol, token.peggedTo];
  return token.peggedTo !== null && pair.includes(a) && pair.includes(b);
}

/**
 * `minor` units at `from` decimals, in units at `to` decimals. Rounded up when
 * precision is lost, so a reservation never counts less than the request
 * (0.000001 USDC reserves 0.01 USD of a USD budget, never 0).
 */
export function rescale(minor: bigint, from: number, to: number): bigint {
  if (to >= from) return minor * 10n ** BigInt(to - from);
  const d = 10n ** BigInt(from - to);
  return (minor + d - 1n) / d;
}
