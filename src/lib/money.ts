/**
 * Minor-unit exponents: ISO 4217 for fiat, the token's decimals for crypto.
 * Amounts live as bigint minor units inside and as decimal strings at the edge;
 * D1 stores the minor units as an integer string because 18-decimal tokens
 * overflow SQLite's 64-bit INTEGER (9.2 ETH) and JS numbers (2^53) long before.
 */
export const CURRENCIES: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CHF: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  SGD: 2,
  HKD: 2,
  CNY: 2,
  INR: 2,
  BRL: 2,
  MXN: 2,
  ZAR: 2,
  AED: 2,
  JPY: 0,
  KRW: 0,
  ISK: 0,
  CLP: 0,
  VND: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
  USDC: 6,
  USDT: 6,
  EURC: 6,
  DAI: 18,
  ETH: 18,
  WETH: 18,
};

export const CURRENCY_CODES = Object.keys(CURRENCIES) as [string, ...string[]];

/** Up to 18 integer digits, no sign, no exponent, no leading zeros. */
const DECIMAL = /^(0|[1-9]\d{0,17})(?:\.(\d+))?$/;

export type AmountResult = { ok: true; minor: bigint } | { ok: false; message: string };

/** Whether `amount` is shaped like a positive major-unit decimal string, whatever its currency. */
export const isDecimalAmount = (amount: string) => DECIMAL.test(amount) && /[1-9]/.test(amount);

/** Parses a major-unit decimal string ("12.50") into minor units, without ever using a float. */
export function parseAmount(amount: string, currency: string): AmountResult {
  const exponent = CURRENCIES[currency];
  if (exponent === undefined) return { ok: false, message: `Unsupported currency ${currency}.` };
  return parseDecimal(amount, exponent, currency);
}

/** parseAmount for a currency whose exponent comes from elsewhere (a token's decimals). */
export function parseDecimal(amount: string, exponent: number, currency: string): AmountResult {
  const m = DECIMAL.exec(amount);
  if (!m) return { ok: false, message: 'Must be a decimal string such as "12.50".' };
  const fraction = m[2] ?? "";
  if (fraction.length > exponent) {
    return { ok: false, message: `${currency} allows at most ${exponent} decimal places.` };
  }
  const minor = BigInt(m[1] + fraction.padEnd(exponent, "0"));
  if (minor <= 0n) return { ok: false, message: "Must be greater than zero." };
  return { ok: true, minor };
}

/** Minor units back to a major-unit string with exactly the currency's decimals. */
export function formatAmount(minor: bigint | string, currency: string): string {
  return formatMinor(minor, CURRENCIES[currency] ?? 0);
}

const CANONICAL_MINOR = /^(?:0|[1-9][0-9]*)$/;

/** Minor units back to a major-unit string with exactly `exponent` decimals. */
export function formatMinor(minor: bigint | string, exponent: number): string {
  // Stored amounts are already canonical digit strings: skip the BigInt round trip (a list formats 40 of them).
  const canonical = typeof minor === "string" && CANONICAL_MINOR.test(minor) ? minor : BigInt(minor).toString();
  const digits = canonical.padStart(exponent + 1, "0");
  if (exponent === 0) return digits;
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

// Rescaling between decimal places: every conversion of minor units says how it rounds, by its name.

const pow10 = (n: number) => 10n ** BigInt(n);

/**
 * `minor` at `from` decimals, in units of `to` decimals, rounded up when digits are lost: what must be
 * counted or sent so that it covers the amount (a budget reservation, what a payer sends).
 */
export function rescaleUp(minor: bigint, from: number, to: number): bigint {
  if (to >= from) return minor * pow10(to - from);
  const d = pow10(from - to);
  return minor >= 0n ? (minor + d - 1n) / d : minor / d;
}

/** As rescaleUp, rounded down: what an amount received is worth, never more than was paid. */
export function rescaleDown(minor: bigint, from: number, to: number): bigint {
  if (to >= from) return minor * pow10(to - from);
  const d = pow10(from - to);
  return minor >= 0n ? minor / d : (minor - d + 1n) / d;
}

/** As rescaleUp, or null when the amount does not convert without losing a digit (a match must be exact). */
export function rescaleExact(minor: bigint, from: number, to: number): bigint | null {
  if (to >= from) return minor * pow10(to - from);
  const d = pow10(from - to);
  return minor % d === 0n ? minor / d : null;
}

/**
 * A request's decimals: as stored with it, else its currency's, else (a request in the token itself, made
 * before decimals were stored) the token's.
 */
export const decimalsFor = (r: { decimals: number | null; currency: string }, tokenDecimals: number): number =>
  r.decimals ?? CURRENCIES[r.currency] ?? tokenDecimals;
