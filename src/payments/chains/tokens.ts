/**
 * Tokens Payrelay knows by chain id and contract: their symbol, decimals and,
 * for stablecoins, the fiat currency they are pegged to 1:1. A destination on
 * a token not listed here gives its symbol and decimals when it is added.
 */
export type KnownToken = { symbol: string; decimals: number; peggedTo?: string };

const USDC = { symbol: "USDC", decimals: 6, peggedTo: "USD" } as const;
const USDT = { symbol: "USDT", decimals: 6, peggedTo: "USD" } as const;
const EURC = { symbol: "EURC", decimals: 6, peggedTo: "EUR" } as const;
const DAI = { symbol: "DAI", decimals: 18, peggedTo: "USD" } as const;
const WETH = { symbol: "WETH", decimals: 18 } as const;

/** chain id → lower-case contract address → token. */
const TOKENS: Readonly<Record<number, Readonly<Record<string, KnownToken>>>> = {
  1: {
    "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48": USDC,
    "0xdac17f958d2ee523a2206206994597c13d831ec7": USDT,
    "0x1abaea1f7c830bd89acc67ec4af516284b1bc33c": EURC,
    "0x6b175474e89094c44da98b954eedeac495271d0f": DAI,
    "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2": WETH,
  },
  8453: {
    "0x833589fcd6edb6e08f4c7c32d4f71b54bda02913": USDC,
    "0x60a3e35cc302bfa44cb288bc5a4f316fdb1adb42": EURC,
    "0x4200000000000000000000000000000000000006": WETH,
  },
  10: { "0x0b2c639c533813f4aa9d7837caf62653d097ff85": USDC },
  42161: { "0xaf88d065e77c8cc2239327c5edb3a432268e5831": USDC },
  137: { "0x3c499c542cef5e3811e1192ce70d8cc03d5c3359": USDC },
  11155111: { "0x1c7d4b196cb0c7b01d743fbc6116a902379c7238": USDC },
  84532: { "0x036cbd53842c5426634e7929541ec2318f3dcf7e": USDC },
};

/** The token at `address` on `chainId`, or undefined when Payrelay does not know it. */
export function knownToken(chainId: number, address: string): KnownToken | undefined {
  return TOKENS[chainId]?.[address.toLowerCase()];
}
