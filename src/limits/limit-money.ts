import type { TokenProfile } from "../payments/chains/currency";

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
