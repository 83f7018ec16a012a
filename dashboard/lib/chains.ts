/** Chains offered in the destination form, with their USDC contract as a one-click token. */
export interface Chain {
  id: number;
  name: string;
  usdc?: string;
}

export const CHAINS: readonly Chain[] = [
  { id: 1, name: "Ethereum", usdc: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48" },
  { id: 8453, name: "Base", usdc: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913" },
  { id: 10, name: "OP Mainnet", usdc: "0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85" },
  { id: 42161, name: "Arbitrum One", usdc: "0xaf88d065e77c8cC2239327C5EDb3A432268e5831" },
  { id: 137, name: "Polygon", usdc: "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359" },
  { id: 84532, name: "Base Sepolia (testnet)", usdc: "0x036CbD53842c5426634e7929541eC2318f3dCF7e" },
  { id: 11155111, name: "Sepolia (testnet)", usdc: "0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238" },
];

/** Chains that only ever run on a developer's machine: named, never offered in the form. */
const LOCAL_CHAINS: Readonly<Record<number, string>> = { 31337: "Local development chain (Hardhat)" };

/** "Base" for 8453, "Chain 999" for chains not in the list. */
export function chainName(id: number): string {
  return CHAINS.find((c) => c.id === id)?.name ?? LOCAL_CHAINS[id] ?? `Chain ${id}`;
}

export interface InteropParts {
  wallet: string;
  chainId: number;
  checksum: string;
  token: string;
}

/** Splits `{wallet}@eip155:{chainId}#{checksum}:{token}` back into its parts. */
export function parseInteropAddress(value: string): InteropParts | null {
  const m = /^(0x[0-9a-fA-F]{40})@eip155:(\d+)#([0-9A-F]{8}):(0x[0-9a-fA-F]{40})$/.exec(value);
  if (!m) return null;
  return { wallet: m[1]!, chainId: Number(m[2]), checksum: m[3]!, token: m[4]! };
}
