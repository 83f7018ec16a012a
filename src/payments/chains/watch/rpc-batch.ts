/**
 * JSON-RPC batches (one HTTP request, many calls): the watcher's cost per poll
 * is counted in these. Like rpc.ts, every failure is `{ ok: false }`, never a throw:
 * a poll that fails keeps its cursor and is simply tried again.
 */
export type Call = { method: string; params: unknown[] };
export type BatchResult = { ok: true; results: unknown[] } | { ok: false; reason: string };

const BATCH_TIMEOUT_MS = 10_000;

/** Counts what one watcher poll asked the chain: HTTP requests and JSON-RPC calls (the bench reads these). */
export type RpcCount = { requests: number; calls: number; getLogs: number };
export const noCalls = (): RpcCount => ({ requests: 0, calls: 0, getLogs: 0 });

/** Sends `calls` as one batch; results in the calls' order (an answer may come in any order, matched by id). */
export async function rpcBatch(url: string, calls: Call[], count: RpcCount): Promise<BatchResult> {
  if (calls.length === 0) return { ok: true, results: [] };
  count.requests += 1;
  count.calls += calls.length;
  count.getLogs += calls.filter((c) => c.method === "eth_getLogs").length;
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(calls.map((c, id) => ({ jsonrpc: "2.0", id, ...c }))),
      signal: AbortSignal.timeout(BATCH_TIMEOUT_MS),
    });
    if (!res.ok) return { ok: false, reason: `HTTP ${res.status}` };
    const body: unknown = await res.json();
    if (!Array.isArray(body)) return { ok: false, reason: "not a JSON-RPC batch answer" };
    const results: unknown[] = new Array(calls.length);
    const answered = new Set<number>();
    for (const item of body as { id?: unknown; result?: unknown; error?: unknown }[]) {
      if (typeof item?.id !== "number" || item.id < 0 || item.id >= calls.length) continue;
      if (item.error !== undefined || !("result" in item)) return { ok: false, reason: `${calls[item.id]!.method}: RPC error` };
      results[item.id] = item.result;
      answered.add(item.id);
    }
    if (answered.size !== calls.length) return { ok: false, reason: "a batch call went unanswered" };
    return { ok: true, results };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.name : "fetch failed" };
  }
}
