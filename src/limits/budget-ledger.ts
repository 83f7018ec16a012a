/**
 * A client's outgoing budget as the authority keeps it: one reservation row
 * per admitted outgoing request (keyed by the request id) and a running total
 * on the client row, both written in the transactionSync that admits or moves
 * the request. Release deletes the row and subtracts what the row says, so
 * only the first of any number of repeated, replayed or racing releases finds
 * something to give back; there is no message to lose or to deliver twice,
 * because the authority that admits the request is the one that moves it.
 */

export function spentOf(sql: SqlStorage, clientId: string): bigint {
  const row = sql.exec<{ budget_spent: string }>("SELECT budget_spent FROM clients WHERE id = ?", clientId).toArray()[0];
  return BigInt(row?.budget_spent ?? "0");
}

/** Reserves `amount` (budget minor units) for `requestId`; the caller has checked it fits. */
export function reserve(sql: SqlStorage, clientId: string, requestId: string, amount: bigint, now: number): void {
  sql.exec(
    "INSERT INTO budget_reservations (request_id, client_id, amount_minor, reserved_at) VALUES (?, ?, ?, ?)",
    requestId,
    clientId,
    amount.toString(),
    now,
  );
  sql.exec("UPDATE clients SET budget_spent = ? WHERE id = ?", (spentOf(sql, clientId) + amount).toString(), clientId);
}

/** Gives back what `requestId` reserved, once: the second call finds no row. Returns what was released, and to whom. */
export function release(sql: SqlStorage, requestId: string): { clientId: string; amount: bigint } | null {
  const row = sql
    .exec<{ client_id: string; amount_minor: string }>(
      "DELETE FROM budget_reservations WHERE request_id = ? RETURNING client_id, amount_minor",
      requestId,
    )
    .toArray()[0];
  if (!row) return null;
  const amount = BigInt(row.amount_minor);
  const left = spentOf(sql, row.client_id) - amount;
  sql.exec("UPDATE clients SET budget_spent = ? WHERE id = ?", (left < 0n ? 0n : left).toString(), row.client_id);
  return { clientId: row.client_id, amount };
}
