import { chainMap } from "../rpc";

/**
 * Who the watchers look for, read from D1 (the projection of every authority's
 * requests): off the create path, a create adds no work for the watcher. A
 * wallet is watched while its destination has open incoming requests, the
 * contract's "pending, processing, partially_paid, or expired within the last 7 days".
 */
export const EXPIRED_WATCH_MS = 7 * 24 * 3600_000;

export type WatchTarget = { chainId: number; token: string };

/** The watcher's name: one Durable Object per chain and token contract. */
export const watcherName = (t: WatchTarget): string => `${t.chainId}:${t.token.toLowerCase()}`;

/** Watched wallet (lowercase) → its destination id, for one chain and token. */
export async function watchedWallets(db: D1Database, target: WatchTarget, now: number): Promise<Map<string, string>> {
  const { results } = await db
    .prepare(
      `SELECT d.id AS id, lower(d.wallet_address) AS wallet FROM destinations d
       WHERE d.status = 'claimed' AND d.chain_id = ? AND lower(d.token_address) = ?
         AND EXISTS (SELECT 1 FROM requests r WHERE r.destination_id = d.id AND r.direction = 'incoming'
           AND (r.status IN ('pending', 'processing', 'partially_paid') OR (r.status = 'expired' AND r.expires_at > ?)))`,
    )
    .bind(target.chainId, target.token.toLowerCase(), now - EXPIRED_WATCH_MS)
    .all<{ id: string; wallet: string }>();
  return new Map(results.map((r) => [r.wallet, r.id]));
}

/** Every (chain, token) a claimed destination uses on a chain with an RPC URL: the watchers the cron keeps running. */
export async function watchTargets(env: Env): Promise<WatchTarget[]> {
  const chains = chainMap(env.CHAIN_RPC_URLS);
  const { results } = await env.DB.prepare(
    "SELECT DISTINCT chain_id AS chainId, lower(token_address) AS token FROM destinations WHERE status = 'claimed'",
  ).all<WatchTarget>();
  return results.filter((t) => chains.has(t.chainId));
}
