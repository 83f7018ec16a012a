import { rpcCall, rpcUrl, type ChainEnv } from "./chains/rpc";
import { QuantityShape, ReceiptShape } from "./chains/rpc-shapes";
import type { OutboxRecord } from "../authority/authority-types";
import { RECHECK_MS, paymentById, toD1, updatePayment, type StoredPayment } from "./payment-store";
import { settle } from "./payment-settle";
import { outboxOf } from "../authority/outbox";

/**
 * The alarm's look at confirming transactions: RPC first, outside any
 * transaction, then one transactionSync per transaction applying what the
 * chain said. Until confirmed or gone; an unreachable chain is asked again later.
 */

/** Payments re-checked per alarm run: a handful of RPC round trips, whatever the backlog. */
const RECHECK_BATCH = 20;
const UNAVAILABLE_RETRY_MS = 30_000;

type Verdict =
  | { kind: "unknown" } // RPC down: ask again later, counting nothing
  | { kind: "pending" } // known, still in the mempool: not a miss
  | { kind: "missing" } // the node knows no such transaction (reorged out, replaced, or a node lagging behind)
  | { kind: "dropped" } // reverted: definitive
  | { kind: "mined"; blockNumber: number; confirmations: number };

/**
 * One node's empty answer is no proof a transaction is gone: a load-balanced
 * RPC may route the look to a node that has not seen it yet. A payment is
 * dropped only after MISSES_TO_DROP consecutive misses at least MISS_SPACING_MS
 * apart (API v1.2); any sighting in between starts the count again.
 */
export const MISSES_TO_DROP = 3;
export const MISS_SPACING_MS = 60_000;

async function look(env: ChainEnv, chainId: number, txHash: string): Promise<Verdict> {
  const url = rpcUrl(env, chainId);
  if (!url) return { kind: "unknown" };
  const [receipt, head] = await Promise.all([rpcCall(url, "eth_getTransactionReceipt", [txHash]), rpcCall(url, "eth_blockNumber", [])]);
  if (!receipt.ok || !head.ok) return { kind: "unknown" };
  const headNumber = QuantityShape.safeParse(head.result);
  if (!headNumber.success) return { kind: "unknown" };
  if (receipt.result === null) {
    const tx = await rpcCall(url, "eth_getTransactionByHash", [txHash]);
    if (!tx.ok) return { kind: "unknown" };
    return tx.result === null ? { kind: "missing" } : { kind: "pending" };
  }
  const parsed = ReceiptShape.safeParse(receipt.result);
  if (!parsed.success) return { kind: "unknown" };
  if (parsed.data.status !== "0x1") return { kind: "dropped" };
  const blockNumber = Number(parsed.data.blockNumber);
  return { kind: "mined", blockNumber, confirmations: Math.max(0, headNumber.data - blockNumber + 1) };
}

/** Counts a miss (when a minute has passed since the last one); true once the payment has missed often enough to drop. */
function missed(sql: SqlStorage, id: string, clock: number): boolean {
  const row = sql.exec<{ misses: number; last_miss_at: number | null }>("SELECT misses, last_miss_at FROM payments WHERE id = ?", id).one();
  const counts = row.last_miss_at === null || clock - row.last_miss_at >= MISS_SPACING_MS;
  const misses = counts ? row.misses + 1 : row.misses;
  if (misses >= MISSES_TO_DROP) return true;
  const lastMiss = counts ? clock : row.last_miss_at!;
  sql.exec(
    "UPDATE payments SET misses = ?, last_miss_at = ?, recheck_at = ? WHERE id = ?",
    misses,
    lastMiss,
    lastMiss + MISS_SPACING_MS,
    id,
  );
  return false;
}

/**
 * Applies one verdict to the payments of one transaction (inside transactionSync); returns what D1 must learn.
 * `clock` is when the look happened (the alarm's now), which spaces the misses.
 */
function apply(sql: SqlStorage, ids: string[], verdict: Verdict, destinationId: string, now: number, clock: number): OutboxRecord[] {
  const records: OutboxRecord[] = [];
  for (const id of ids) {
    const p = paymentById(sql, id);
    if (p.status !== "confirming") continue; // a submission confirmed it meanwhile
    if (verdict.kind === "unknown") {
      sql.exec("UPDATE payments SET recheck_at = ? WHERE id = ?", now + UNAVAILABLE_RETRY_MS, id);
      continue;
    }
    if (verdict.kind !== "missing") sql.exec("UPDATE payments SET misses = 0, last_miss_at = NULL WHERE id = ?", id);
    if (verdict.kind === "pending") {
      sql.exec("UPDATE payments SET recheck_at = ? WHERE id = ?", now + RECHECK_MS, id);
      continue;
    }
    if (verdict.kind === "missing" && !missed(sql, id, clock)) continue;
    const confirmed = verdict.kind === "mined" && verdict.confirmations >= p.required;
    if (verdict.kind === "mined" && !confirmed) {
      sql.exec("UPDATE payments SET block_number = ?, recheck_at = ? WHERE id = ?", verdict.blockNumber, now + RECHECK_MS, id);
      continue;
    }
    updatePayment(sql, id, {
      status: confirmed ? "confirmed" : "dropped",
      recheck_at: null,
      confirmed_at: confirmed ? now : null,
      ...(verdict.kind === "mined" ? { block_number: verdict.blockNumber } : {}),
    });
    if (p.request_id === null) {
      const record: OutboxRecord = { kind: "payment", row: toD1(paymentById(sql, id), destinationId) };
      outboxOf(sql).put(record, now);
      records.push(record);
    } else {
      const data = { txHash: p.tx_hash ?? "", ...(confirmed ? { confirmed: "true" } : { dropped: "true" }) };
      records.push(settle(sql, p.request_id, { type: "system" }, [id], data, !confirmed, now));
    }
  }
  return records;
}

/** Re-checks the confirming payments that are due; the records are for D1 (the outbox keeps them meanwhile). */
export async function recheckPayments(storage: DurableObjectStorage, sql: SqlStorage, env: ChainEnv, destinationId: string, now: number) {
  const due = sql
    .exec<StoredPayment>(
      "SELECT * FROM payments WHERE recheck_at IS NOT NULL AND recheck_at <= ? AND status = 'confirming' ORDER BY recheck_at LIMIT ?",
      now,
      RECHECK_BATCH,
    )
    .toArray();
  const byTx = new Map<string, StoredPayment[]>();
  for (const p of due) byTx.set(`${p.chain_id}:${p.tx_hash}`, [...(byTx.get(`${p.chain_id}:${p.tx_hash}`) ?? []), p]);
  const records: OutboxRecord[] = [];
  for (const group of byTx.values()) {
    const verdict = await look(env, group[0]!.chain_id!, group[0]!.tx_hash!);
    const ids = group.map((p) => p.id);
    records.push(...storage.transactionSync(() => apply(sql, ids, verdict, destinationId, now, now)));
  }
  return records;
}

/** When the next confirming payment is due for a look, for the alarm. */
export function nextRecheck(sql: SqlStorage): number | null {
  return sql.exec<{ at: number | null }>("SELECT MIN(recheck_at) AS at FROM payments WHERE recheck_at IS NOT NULL").one().at;
}
