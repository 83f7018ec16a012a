import { DurableObject } from "cloudflare:workers";
import { requiredConfirmations } from "../confirmations";
import { rpcCall, rpcUrl } from "../rpc";
import { QuantityShape } from "../rpc-shapes";
import { handOver } from "./detect";
import { noCalls, type RpcCount } from "./rpc-batch";
import { transactions, transferLogs, type FoundLog } from "./scan";
import { watchedWallets, type WatchTarget } from "./watch-set";

/** What one poll did: the range it scanned (null when nothing new), what it found and what it cost. */
export type PollResult = {
  from: number | null;
  to: number | null;
  watched: number;
  found: number;
  recorded: number;
  rpc: RpcCount;
  error?: string;
};

/** Blocks looked back at the very first poll: payments made just before the watcher started. */
const FIRST_LOOKBACK = 256;
/** Blocks per poll at most: RPC providers cap eth_getLogs ranges; a backlog drains over a few polls. */
const MAX_RANGE = 2_000;
/** Within the contract's 30 s on every chain; the local chain mines on demand, so a second costs nothing there. */
const pollMs = (chainId: number, watched: number) => (watched === 0 ? 15_000 : chainId >= 31337 && chainId <= 31339 ? 1_000 : 5_000);

/**
 * One watcher per (chain, token contract): its block cursor and the range it
 * scans. The cursor is the last block whose logs every authority has taken;
 * it is written only after they did, so a restart repeats at most a range
 * (which the authorities' per-log uniqueness makes harmless) and never skips one.
 */
export class ChainWatcher extends DurableObject<Env> {
  private running: Promise<PollResult> | null = null;

  /** Keeps this watcher polling on its alarm (the cron and the pay page call it); arms one only when none is set. */
  async start(target: WatchTarget): Promise<void> {
    await this.ctx.storage.put("target", target);
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now());
  }

  /** One poll now; concurrent callers (the alarm, a test) share the one running. */
  async poll(target?: WatchTarget): Promise<PollResult> {
    if (target) await this.ctx.storage.put("target", target);
    this.running ??= this.pollOnce().finally(() => (this.running = null));
    return this.running;
  }

  /** The cursor as stored (tests and the bench read it). */
  async cursor(): Promise<number | null> {
    return (await this.ctx.storage.get<number>("cursor")) ?? null;
  }

  override async alarm(): Promise<void> {
    // A poll that throws (an authority unreachable) kept its cursor: the next one repeats the range.
    const watched = await this.poll().then(
      (r) => r.watched,
      (err: unknown) => (console.error("watcher poll failed", err instanceof Error ? err.message : err), 1),
    );
    const target = await this.ctx.storage.get<WatchTarget>("target");
    if (target) await this.ctx.storage.setAlarm(Date.now() + pollMs(target.chainId, watched));
  }

  private async pollOnce(): Promise<PollResult> {
    const rpc = noCalls();
    const idle = { from: null, to: null, watched: 0, found: 0, recorded: 0, rpc };
    const target = await this.ctx.storage.get<WatchTarget>("target");
    const url = target && rpcUrl(this.env, target.chainId);
    if (!target || !url) return { ...idle, error: "no target or no RPC URL" };
    rpc.requests += 1;
    rpc.calls += 1;
    const head = await rpcCall(url, "eth_blockNumber", []);
    const headNumber = QuantityShape.safeParse(head.ok ? head.result : null);
    if (!headNumber.success) return { ...idle, error: "chain unavailable" };
    // Only blocks with the chain's confirmations: a log reorged out before them is never seen, so never recorded.
    const required = requiredConfirmations(this.env, target.chainId);
    const confirmedHead = headNumber.data - required + 1;
    const stored = await this.cursor();
    const from = (stored ?? Math.max(-1, confirmedHead - FIRST_LOOKBACK)) + 1;
    const to = Math.min(confirmedHead, from + MAX_RANGE - 1);
    // The head is read before the watch set: a request created after this read is paid in a later block.
    const now = Date.now();
    const watched = await watchedWallets(this.env.DB, target, now);
    if (to < from) return { ...idle, watched: watched.size };
    let found: FoundLog[] = [];
    if (watched.size > 0) {
      const logs = await transferLogs(url, target.token, [...watched.keys()], from, to, rpc);
      if (!logs) return { ...idle, watched: watched.size, rpc, error: "eth_getLogs failed" };
      found = logs;
    }
    let recorded = 0;
    if (found.length > 0) {
      const hashes = [...new Set(found.map((l) => l.transactionHash.toLowerCase()))];
      const details = await transactions(url, hashes, rpc);
      if (!details) return { ...idle, watched: watched.size, rpc, error: "transactions unavailable" };
      const byDestination = new Map<string, FoundLog[]>();
      for (const log of found) {
        const wallet = `0x${log.topics[2]?.slice(26).toLowerCase()}`;
        const id = watched.get(wallet);
        if (id) byDestination.set(id, [...(byDestination.get(id) ?? []), log]);
      }
      for (const [destinationId, logs] of byDestination)
        recorded += await handOver(this.env, target.chainId, target.token, destinationId, logs, details, required, now);
    }
    await this.ctx.storage.put("cursor", to);
    return { from, to, watched: watched.size, found: found.length, recorded, rpc };
  }
}
