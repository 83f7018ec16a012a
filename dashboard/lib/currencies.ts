import { CURRENCIES } from "../../src/lib/money";

const FIRST = ["USDC", "USDT", "EURC", "DAI", "ETH", "WETH", "USD", "EUR", "GBP"];

/** Every currency the API accepts, the common ones first. */
export const CURRENCY_OPTIONS: readonly string[] = [
  ...FIRST.filter((c) => c in CURRENCIES),
  ...Object.keys(CURRENCIES)
    .filter((c) => !FIRST.includes(c))
    .sort(),
];

/** Decimal places the API allows for `currency`. */
export function decimalsOf(currency: string): number | undefined {
  return CURRENCIES[currency];
}
