/**
 * JSON-RPC to the chains over fetch. Every failure (no URL configured, a
 * network error, a timeout, a non-2xx answer, an RPC error object, a body that
 * is not JSON-RPC) is the one `{ ok: false }` result: callers answer
 * `chain_unavailable` and record nothing, never a thrown 500.
 */

/** The bindings chain access reads; the generated `Env` satisfies it. */
export type ChainEnv = {
  /** JSON map of chain id → JSON-RPC URL, e.g. {"31337":"http://127.0.0.1:8545"}. */
  CHAIN_RPC_URLS?: string;
  /** Optional JSON map of chain id → confirmations, overriding the defaults in confirmations.ts. */
  CHAIN_CONFIRMATIONS?: string;
  /** Optional JSON map of chain id → [payment proxy address] (proxies.ts). */
  PAYMENT_PROXIES?: string;
};

export type RpcResult = { ok: true; result: unknown } | { ok: false; reason: string };

const RPC_TIMEOUT_MS = 5_000;

// Parsed once per distinct value (an isolate sees one value in production; tests vary it).
const parsedMaps = new Map<string, ReadonlyMap<number, string>>();

/** A JSON map keyed by chain id, parsed once; malformed JSON or entries are ignored (an empty map). */
export function chainMap(raw: string | undefined): ReadonlyMap<number, string> {
  const key = raw ?? "";
  let map = parsedMaps.get(key);
  if (!map) {
    const entries = new Map<number, string>();
    try {
      const json: unknown = JSON.parse(key || "{}");
      if (json && typeof json === "object" && !Array.isArray(json)) {
        for (const [id, value] of Object.entries(json)) {
          if (/^[1-9]\d*$/.test(id) && (typeof value === "string" || typeof value === "number")) entries.set(Number(id), String(value));
        }
      }
    } catch {
      // A malformed map configures no chain: every call is chain_unavailable, which says what to fix.
    }
    map = entries;
    parsedMaps.set(key, map);
  }
  return map;
}

/** The RPC URL configured for `chainId`, or undefined. */
export function rpcUrl(env: ChainEnv, chainId: number): string | undefined {
  return chainMap(env.CHAIN_RPC_URLS).get(chainId);
}

/** One JSON-RPC call with a timeout; never throws. */
export async function rpcCall(url: string, method: string, params: unknown[]): Promise<RpcResult> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
      signal: AbortSignal.timeout(RPC_TIMEOUT_MS),
    });
    if (!res.ok) return { ok: false, reason: `${method}: HTTP ${res.status}` };
    const body: unknown = await res.json();
    if (!body || typeof body !== "object") return { ok: false, reason: `${method}: not a JSON-RPC answer` };
    if ("error" in body) return { ok: false, reason: `${method}: RPC error` };
    if (!("result" in body)) return { ok: false, reason: `${method}: no result` };
    return { ok: true, result: body.result };
  } catch (error) {
    return { ok: false, reason: `${method}: ${error instanceof Error ? error.name : "fetch failed"}` };
  }
}

export type RpcRequest = { method: string; params: unknown[] };

/** What one member of a JSON-RPC batch answered, judged as rpcCall judges a single answer. */
function batchMember(method: string, body: unknown): RpcResult {
  if (!body || typeof body !== "object") return { ok: false, reason: `${method}: not a JSON-RPC answer` };
  if ("error" in body) return { ok: false, reason: `${method}: RPC error` };
  if (!("result" in body)) return { ok: false, reason: `${method}: no result` };
  return { ok: true, result: body.result };
}

/**
 * Several calls as one JSON-RPC batch: one HTTP round trip, one request
 * against a provider's rate limit. Answers are matched by id (a batch's
 * answers may come in any order); a missing one is a failure like any other.
 * Never throws.
 */
export async function rpcBatch(url: string, calls: RpcRequest[]): Promise<RpcResult[]> {
  const fail = (reason: string) => calls.map(({ method }): RpcResult => ({ ok: false, reason: `${method}: ${reason}` }));
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(calls.map(({ method, params }, id) => ({ jsonrpc: "2.0", id, method, params }))),
      signal: AbortSignal.timeout(RPC_TIMEOUT_MS),
    });
    if (!res.ok) return fail(`HTTP ${res.status}`);
    const body: unknown = await res.json();
    if (!Array.isArray(body)) return fail("not a JSON-RPC batch answer");
    const byId = new Map<unknown, unknown>(
      body.map((member: unknown) => [member && typeof member === "object" && "id" in member ? member.id : null, member]),
    );
    return calls.map(({ method }, id) => batchMember(method, byId.get(id)));
  } catch (error) {
    return fail(error instanceof Error ? error.name : "fetch failed");
  }
}
