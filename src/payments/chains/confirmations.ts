import { chainMap } from "./rpc";
import type { ChainEnv } from "./rpc";

/**
 * Blocks a payment's block needs (itself included) before it counts as
 * confirmed. Ethereum: 12 blocks (~2.5 min), about two epochs' worth of reorg
 * safety short of finality. The rollups' sequencers make reorgs of more than a
 * few blocks practically unseen: 10 blocks (~20 s on Base and OP, ~3 s on
 * Arbitrum). Polygon PoS reorged deeply before its 2025 fast-finality fork:
 * 64. Testnets: 3. The local chain mines a block per transaction: 1.
 * Chains not listed: 12. CHAIN_CONFIRMATIONS overrides any of these.
 */
const DEFAULTS: Readonly<Record<number, number>> = {
  1: 12,
  8453: 10,
  10: 10,
  42161: 10,
  137: 64,
  11155111: 3,
  84532: 3,
  31337: 1,
};
const UNLISTED = 12;

/** The confirmations `chainId` requires: the CHAIN_CONFIRMATIONS override, else the default above. */
export function requiredConfirmations(env: ChainEnv, chainId: number): number {
  const override = Number(chainMap(env.CHAIN_CONFIRMATIONS).get(chainId));
  if (Number.isSafeInteger(override) && override >= 1) return override;
  return DEFAULTS[chainId] ?? UNLISTED;
}
