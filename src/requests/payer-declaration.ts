import type { RequestRow } from "../db/schema";
import { toChecksumAddress } from "../lib/interop-address";
import type { PayerRecord } from "../authority/authority-types";
import { outboxOf } from "../authority/outbox";
import type { RefusedAs } from "../authority/outcomes";
import { admitRequestState } from "./request-state";

/**
 * A payer declares, once, the wallet they will pay from (API v1.2,
 * `POST /api/public/payment-links/{token}/payer`): the request's
 * `payer.walletAddress` is set, so rule 3 of attribution ties a plain
 * transfer from that wallet to it, whether detected or submitted. Decided
 * here, inside the authority's transaction, so two racing declarations are
 * ordered and the second finds the first (409). The request's status and
 * sequence stay as they are: it is not a transition, and raises no event.
 */

export type DeclarePayerInput = { requestId: string; walletAddress: string; adopt?: RequestRow };
export type DeclarePayerResult = { outcome: "declared"; row: RequestRow } | RefusedAs<"not_found" | "conflict" | "invalid_state">;

/** Statuses in which a payer may still pay, so a declared wallet can still matter. */
const OPEN = new Set(["pending", "processing", "partially_paid"]);

/** Shown where the request's payer had no name: the contract's party always has one. */
export const DECLARED_PAYER_NAME = "Payer (declared on the pay page)";

export function declarePayer(sql: SqlStorage, input: DeclarePayerInput, now: number): DeclarePayerResult {
  const find = () =>
    sql.exec<{ row: string; status: string }>("SELECT row, status FROM requests WHERE id = ?", input.requestId).toArray()[0];
  if (!find() && input.adopt?.id === input.requestId) admitRequestState(sql, input.adopt);
  const state = find();
  if (!state) return { outcome: "not_found" };
  const row = JSON.parse(state.row) as RequestRow;
  if (row.direction !== "incoming") return { outcome: "not_found" };
  // The same wallet again (a retry after a lost answer) is the declaration already made; another one is refused.
  if (row.payer?.walletAddress)
    return row.payer.walletAddress.toLowerCase() === input.walletAddress.toLowerCase()
      ? { outcome: "declared", row }
      : {
          outcome: "conflict",
          detail: "This request already names the wallet it will be paid from. Pay from that wallet, or paste your transaction's hash.",
        };
  if (row.payer?.sortCode !== undefined)
    return { outcome: "conflict", detail: "This request's payer pays by bank account; it takes no wallet." };
  // A lapsed pending request reads as expired everywhere; it takes no declaration either.
  const lapsed = row.expiresAt !== null && row.expiresAt <= now && state.status === "pending";
  if (!OPEN.has(state.status) || lapsed)
    return { outcome: "invalid_state", detail: `This request is ${lapsed ? "expired" : state.status}; it takes no payment now.` };
  const after: RequestRow = {
    ...row,
    payer: { ...(row.payer ?? { name: DECLARED_PAYER_NAME }), walletAddress: toChecksumAddress(input.walletAddress) },
  };
  sql.exec("UPDATE requests SET row = ? WHERE id = ?", JSON.stringify(after), after.id);
  const record: PayerRecord = { kind: "payer", row: after };
  outboxOf(sql).put(record, now);
  return { outcome: "declared", row: after };
}
