import { rescaleDown } from "../lib/money";
import type { PaymentRow } from "../db/schema";
import { newId } from "../lib/ids";
import { serializePayment } from "./payment-view";
import type { VerifiedTransfer } from "../authority/authority-types";

/**
 * The authority's payments table (migration step 5): plain functions over its
 * SqlStorage, called inside its transactionSync. One row per Transfer log
 * (unique on chain, hash, log index) or per declared payment. A dropped
 * transaction keeps its row as `dropped`, so the log keeps its id if it is
 * mined again and D1's copy is superseded by version, never duplicated.
 */
export type StoredPayment = {
  id: string;
  request_id: string | null;
  chain_id: number | null;
  tx_hash: string | null;
  log_index: number | null;
  from_address: string | null;
  amount_minor: string;
  decimals: number;
  block_number: number | null;
  status: "confirming" | "confirmed" | "dropped";
  declared: number;
  note: string | null;
  required: number;
  recheck_at: number | null;
  created_at: number;
  confirmed_at: number | null;
  version: number;
};

/** How long until a confirming transaction is looked at again: about a block on the chains we serve. */
export const RECHECK_MS = 12_000;

export const paymentByLog = (sql: SqlStorage, t: Pick<VerifiedTransfer, "chainId" | "txHash" | "logIndex">) =>
  sql
    .exec<StoredPayment>("SELECT * FROM payments WHERE chain_id = ? AND tx_hash = ? AND log_index = ?", t.chainId, t.txHash, t.logIndex)
    .toArray()[0];

export const paymentById = (sql: SqlStorage, id: string) => sql.exec<StoredPayment>("SELECT * FROM payments WHERE id = ?", id).one();

export const livePayments = (sql: SqlStorage, requestId: string) =>
  sql.exec<StoredPayment>("SELECT * FROM payments WHERE request_id = ? AND status != 'dropped'", requestId).toArray();

/** A new row for a verified transfer; confirming ones are due for a re-check. */
export function insertTransfer(
  sql: SqlStorage,
  t: VerifiedTransfer,
  p: { requestId: string | null; confirmed: boolean; required: number; decimals: number; now: number },
): string {
  const id = newId("pay");
  sql.exec(
    `INSERT INTO payments (id, request_id, chain_id, tx_hash, log_index, from_address, amount_minor, decimals, block_number, status,
       required, recheck_at, created_at, confirmed_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    id,
    p.requestId,
    t.chainId,
    t.txHash,
    t.logIndex,
    t.from,
    t.amountMinor,
    p.decimals,
    t.blockNumber,
    p.confirmed ? "confirmed" : "confirming",
    p.required,
    p.confirmed ? null : p.now + RECHECK_MS,
    p.now,
    p.confirmed ? p.now : null,
  );
  return id;
}

/** A declared payment: the recipient's word, in the request's own units, never re-checked. */
export function insertDeclared(
  sql: SqlStorage,
  requestId: string,
  amountMinor: bigint,
  decimals: number,
  note: string | null,
  now: number,
) {
  const id = newId("pay");
  sql.exec(
    `INSERT INTO payments (id, request_id, amount_minor, decimals, status, declared, note, created_at, confirmed_at, version)
     VALUES (?, ?, ?, ?, 'confirmed', 1, ?, ?, ?, 1)`,
    id,
    requestId,
    amountMinor.toString(),
    decimals,
    note,
    now,
    now,
  );
  return id;
}

/** Changes a row and bumps its version (the order of its D1 writes). */
export function updatePayment(sql: SqlStorage, id: string, set: Partial<Omit<StoredPayment, "id" | "version">>): void {
  const keys = Object.keys(set) as (keyof typeof set)[];
  sql.exec(
    `UPDATE payments SET ${keys.map((k) => `${k} = ?`).join(", ")}, version = version + 1 WHERE id = ?`,
    ...keys.map((k) => set[k] ?? null),
    id,
  );
}

/** The row as D1 stores it (src/db/schema.ts `payments`). */
export function toD1(p: StoredPayment, destinationId: string): PaymentRow {
  return {
    id: p.id,
    destinationId,
    requestId: p.request_id,
    chainId: p.chain_id,
    txHash: p.tx_hash,
    logIndex: p.log_index,
    fromAddress: p.from_address,
    amountMinor: p.amount_minor,
    decimals: p.decimals,
    blockNumber: p.block_number,
    status: p.status,
    declared: p.declared === 1,
    note: p.note,
    createdAt: p.created_at,
    confirmedAt: p.confirmed_at,
    version: p.version,
  };
}

/** A payment's amount in the request's minor units (a token with more decimals than the currency rounds down). */
export const inRequestUnits = (p: Pick<StoredPayment, "amount_minor" | "decimals">, requestDecimals: number): bigint =>
  rescaleDown(BigInt(p.amount_minor), p.decimals, requestDecimals);

/**
 * A request's payments as its detail view lists them, from the authority's own rows (oldest first,
 * dropped ones left out): what request.* events carry. `detected` adds the transaction of the event
 * being written, whose detectedBy is not in the log yet.
 */
export function storedPaymentViews(sql: SqlStorage, requestId: string, detected: readonly string[] = []) {
  const rows = sql
    .exec<StoredPayment>("SELECT * FROM payments WHERE request_id = ? AND status != 'dropped' ORDER BY created_at, id", requestId)
    .toArray();
  if (rows.length === 0) return [];
  const found = new Set([
    ...detected,
    ...sql
      .exec<{ tx: string }>(
        "SELECT json_extract(details, '$.txHash') AS tx FROM events WHERE request_id = ? AND json_extract(details, '$.detectedBy') IS NOT NULL",
        requestId,
      )
      .toArray()
      .map((r) => r.tx),
  ]);
  return rows.map((p) => serializePayment(toD1(p, ""), found));
}
