import { CURRENCIES, rescaleUp } from "../../lib/money";

/** What a destination receives: its token, and the fiat that token is pegged to 1:1, if any. */
export type TokenProfile = { symbol: string; decimals: number; peggedTo: string | null };

export type CurrencyCheck = { ok: true; decimals: number } | { ok: false; message: string };

/**
 * The contract's "Currency and token": a request is denominated in the
 * destination's token or in the fiat a known stablecoin is pegged to, so a
 * payer is never told to send one unit to an address that receives another.
 * Only an outgoing request to a bank account may use the bank's currency.
 */
export function checkRequestCurrency(token: TokenProfile, currency: string, bankPayout: boolean): CurrencyCheck {
  if (currency === token.symbol) return { ok: true, decimals: token.decimals };
  if (token.peggedTo !== null && currency === token.peggedTo) return { ok: true, decimals: CURRENCIES[currency]! };
  const fiat = CURRENCIES[currency];
  if (bankPayout && fiat !== undefined && !(currency in TOKEN_SYMBOLS)) return { ok: true, decimals: fiat };
  const allowed = [token.symbol, token.peggedTo].filter((c): c is string => c !== null).join(" or ");
  return {
    ok: false,
    message: `This destination receives ${token.symbol}; use ${allowed}${bankPayout ? ", or the bank account's currency" : ""}.`,
  };
}

const TOKEN_SYMBOLS: Readonly<Record<string, true>> = { USDC: true, USDT: true, EURC: true, DAI: true, ETH: true, WETH: true };

/**
 * The token amount a payer sends for `minor` units of the request's currency:
 * the same number for the token itself, scaled 1:1 for its pegged fiat.
 */
export const tokenAmountMinor = (minor: bigint, requestDecimals: number, token: TokenProfile): bigint =>
  // Rounded up: what a payer is asked to send always covers what is due.
  rescaleUp(minor, requestDecimals, token.decimals);
