import { rpcCall, rpcUrl, type ChainEnv } from "../chains/rpc";
import { QuantityShape, ReceiptShape } from "../chains/rpc-shapes";
import type { OutboxRecord } from "./authority-types";
import { RECHECK_MS, paymentById, toD1, updatePayment, type StoredPayment } from "./payment-store";
import { settle } from "./payment-settle";
import { outboxOf } from "./outbox";

/**
 * The alarm's look at confirming transactions: RPC first, outside any
 * transaction, then one transactionSync per transaction applying what the
 * chain said. Until confirmed or gone; an unreachable chain is asked again later.
 */

/** Payments re-checked per alarm run: a handful of RPC round trips, whatever the backlog. */
const RECHECK_BATCH = 20;
const UNAVAILABLE_RETRY_MS = 30_000;

type Verdict =
  | { kind: "unknown" } // RPC down, or still in the mempool: ask again later
  | { kind: "dropped" } // no longer on the chain (reorged out, replaced) or reverted
  | { kind: "mined"; blockNumber: number; confirmations: number };

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
    return tx.result === null ? { kind: "dropped" } : { kind: "unknown" };
  }
  const parsed = ReceiptShape.safeParse(receipt.result);
  if (!parsed.success) return { kind: "unknown" };
  if (parsed.data.status !== "0x1") return { kind: "dropped" };
  const blockNumber = Number(parsed.data.blockNumber);
  return { kind: "mined", blockNumber, confirmations: Math.max(0, headNumber.data - blockNumber + 1) };
}

/** Applies one verdict to the payments of one transaction (inside transactionSync); returns what D1 must learn. */
function apply(sql: SqlStorage, ids: string[], verdict: Verdict, destinationId: string, now: number): OutboxRecord[] {
  const records: OutboxRecord[] = [];
  for (const id of ids) {
    const p = paymentById(sql, id);
    if (p.status !== "confirming") continue; // a submission confirmed it meanwhile
    if (verdict.kind === "unknown") {
      sql.exec("UPDATE payments SET recheck_at = ? WHERE id = ?", now + UNAVAILABLE_RETRY_MS, id);
      continue;
    }
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
    records.push(...storage.transactionSync(() => apply(sql, ids, verdict, destinationId, now)));
  }
  return records;
}

/** When the next confirming payment is due for a look, for the alarm. */
export function nextRecheck(sql: SqlStorage): number | null {
  return sql.exec<{ at: number | null }>("SELECT MIN(recheck_at) AS at FROM payments WHERE recheck_at IS NOT NULL").one().at;
}
