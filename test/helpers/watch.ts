import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { ChainWatcher, type PollResult } from "../../src/payments/chains/watch/chain-watcher";
import { watcher } from "../../src/payments/chains/watch/start";
import type { WatchTarget } from "../../src/payments/chains/watch/watch-set";
import { accounts, demoToken, send } from "./chain";

/** The run's fee proxy (contracts/FeeProxy.sol) on `chainId`: PAYMENT_PROXIES, as vitest.config.ts passes it. */
export const proxyOn = (chainId: number): string =>
  (JSON.parse(env.PAYMENT_PROXIES) as Record<string, string[]>)[chainId]![0]!.toLowerCase();

/**
 * One poll of the (chain, token) watcher by a fresh instance on its storage: the
 * same as after a restart (nothing in memory survives), with `overrides` of its env
 * (say, more confirmations than the chain's default).
 */
export function pollWatcher(target: WatchTarget, overrides: Partial<Env> & { CHAIN_CONFIRMATIONS?: string } = {}): Promise<PollResult> {
  return runInDurableObject(watcher(env, target), (_instance, state) => new ChainWatcher(state, { ...env, ...overrides }).poll(target));
}

/** Moves the stored cursor (a crash between handing logs over and writing it leaves it behind). */
export function setCursor(target: WatchTarget, block: number): Promise<void> {
  return runInDurableObject(watcher(env, target), (_instance, state) => state.storage.put("cursor", block));
}

export const cursorOf = (target: WatchTarget) => watcher(env, target).cursor();

const word = (hex: string) => hex.replace(/^0x/, "").toLowerCase().padStart(64, "0");

/** Pays through the fee proxy: approve it, then transferFromWithReferenceAndFee(token, to, amount, reference, fee, feeAddress). */
export async function payViaProxy(opts: {
  n: number;
  to: string;
  amountMinor: bigint;
  reference: string;
  feeMinor?: bigint;
  feeAddress?: string;
  proxy?: string;
  token?: string;
}) {
  const from = (await accounts())[opts.n]!;
  const proxy = opts.proxy ?? proxyOn(31337);
  const token = opts.token ?? demoToken;
  const fee = opts.feeMinor ?? 0n;
  // approve(address,uint256)
  await send({ from, to: token, data: `0x095ea7b3${word(proxy)}${word((opts.amountMinor + fee).toString(16))}` });
  // transferFromWithReferenceAndFee(address,address,uint256,bytes,uint256,address): bytes at offset 6 words.
  const data =
    "0xc219a14d" +
    word(token) +
    word(opts.to) +
    word(opts.amountMinor.toString(16)) +
    word((6 * 32).toString(16)) +
    word(fee.toString(16)) +
    word(opts.feeAddress ?? "0x0000000000000000000000000000000000000000") +
    word("20") +
    opts.reference.slice(2);
  return { from, txHash: await send({ from, to: proxy, data, gas: "0x30d40" }) };
}
