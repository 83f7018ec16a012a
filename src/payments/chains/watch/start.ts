import type { ChainWatcher } from "./chain-watcher";
import { watchTargets, watcherName, type WatchTarget } from "./watch-set";

/** The watcher of one chain and token contract, wherever the caller runs. */
export function watcher(env: Env, target: WatchTarget): DurableObjectStub<ChainWatcher> {
  const ns = env.CHAIN_WATCHER;
  return ns.get(ns.idFromName(watcherName(target)));
}

/** The cron's minute: every (chain, token) in use gets its watcher polling (each arms its own alarm). */
export async function startWatchers(env: Env): Promise<void> {
  const targets = await watchTargets(env);
  await Promise.all(targets.map((t) => watcher(env, t).start(t)));
}

// Per isolate: a pay page polling its link view nudges its watcher at most once a minute.
const nudged = new Map<string, number>();
const NUDGE_MS = 60_000;

/**
 * Where no cron runs (`wrangler dev`), a payer waiting on the pay page is what starts the watcher of its
 * chain and token; in production the cron does too. Never on a create. Off in tests, which poll by hand.
 */
export function nudgeWatcher(env: Env, target: WatchTarget, now: number): Promise<void> | null {
  if (env.CHAIN_WATCH_AUTOSTART === "false") return null;
  const key = watcherName(target);
  if ((nudged.get(key) ?? 0) > now - NUDGE_MS) return null;
  nudged.set(key, now);
  return watcher(env, { chainId: target.chainId, token: target.token.toLowerCase() })
    .start({ chainId: target.chainId, token: target.token.toLowerCase() })
    .catch((err: unknown) => console.error("watcher start failed", err instanceof Error ? err.message : err));
}
