import type { RequestRow } from "../../../db/schema";
import type { RecordPaymentInput } from "../../../authority/authority-types";
import { authority } from "../../../authority/stub";
import { tokenOf } from "../../../destinations/destinations";
import { calldataReference, paymentReference } from "../payment-reference";
import { carriesReference, proxyPaymentsIn } from "../proxy-attribution";
import { decodeTransferLog } from "../transfer-log";
import type { FoundLog, TxDetails } from "./scan";
import { EXPIRED_WATCH_MS } from "./watch-set";

/**
 * A found log becomes exactly what a submission records: the destination's
 * authority's recordPayment, with the rules that need no submitter (calldata
 * reference, a proxy's reference, payer.walletAddress). The authority's
 * payments are unique per log, so a log found twice, or found after a
 * submission (or before one), is counted once.
 */

type Candidate = Pick<RequestRow, "id" | "payer" | "createdAt">;

/** The destination's open incoming requests (the ones that make its wallet watched), oldest first. */
async function openRequests(db: D1Database, destinationId: string, now: number): Promise<Candidate[]> {
  const { results } = await db
    .prepare(
      `SELECT id, payer, created_at AS createdAt FROM requests WHERE destination_id = ? AND direction = 'incoming'
         AND (status IN ('pending', 'processing', 'partially_paid') OR (status = 'expired' AND expires_at > ?))
       ORDER BY created_at, id`,
    )
    .bind(destinationId, now - EXPIRED_WATCH_MS)
    .all<{ id: string; payer: string | null; createdAt: number }>();
  return results.map((r) => ({ ...r, payer: r.payer === null ? null : (JSON.parse(r.payer) as RequestRow["payer"]) }));
}

/** The request `log` pays, by the rules that need no submitter, or null (unattributed). */
export function attributeFound(
  env: Env,
  chainId: number,
  token: string,
  log: { from: string; to: string },
  details: TxDetails,
  open: readonly Candidate[],
): string | null {
  const { tx, receipt } = details;
  const reference = tx.to === token ? calldataReference(tx.input) : null;
  if (reference) return open.find((r) => paymentReference(r.id) === reference)?.id ?? null;
  const viaProxy = proxyPaymentsIn(env, chainId, receipt.logs, token, log.to);
  if (viaProxy.length > 0) return open.find((r) => carriesReference(viaProxy, r.id))?.id ?? null;
  return open.find((r) => r.payer?.walletAddress?.toLowerCase() === log.from)?.id ?? null;
}

/** Hands every found log of one destination to its authority; throws when the authority did not take one (the poll retries). */
export async function handOver(
  env: Env,
  chainId: number,
  token: string,
  destinationId: string,
  logs: readonly FoundLog[],
  details: ReadonlyMap<string, TxDetails>,
  required: number,
  now: number,
): Promise<number> {
  const destination = await env.DB.prepare("SELECT * FROM destinations WHERE id = ?").bind(destinationId).first<Record<string, unknown>>();
  if (!destination) return 0;
  const decimals = tokenOf({
    chainId,
    tokenAddress: String(destination.token_address),
    tokenSymbol: (destination.token_symbol as string | null) ?? null,
    tokenDecimals: (destination.token_decimals as number | null) ?? null,
  }).decimals;
  const open = await openRequests(env.DB, destinationId, now);
  const stub = authority(env, destinationId);
  let recorded = 0;
  for (const log of logs) {
    const transfer = decodeTransferLog(log);
    const txDetails = details.get(log.transactionHash.toLowerCase());
    if (!transfer || transfer.amountMinor === 0n || !txDetails || txDetails.receipt.status !== "0x1") continue;
    const input: RecordPaymentInput = {
      destinationId,
      requestId: attributeFound(env, chainId, token, transfer, txDetails, open),
      actor: { type: "system" },
      kind: "verified",
      transfers: [
        {
          txHash: log.transactionHash.toLowerCase(),
          logIndex: transfer.logIndex,
          chainId,
          from: transfer.from,
          amountMinor: transfer.amountMinor.toString(),
          blockNumber: Number(log.blockNumber),
        },
      ],
      confirmed: true,
      required,
      tokenDecimals: decimals,
      detectedBy: "chain_watch",
    };
    let result = await stub.recordPayment(input);
    // A request that takes no payment now (paid in full, cancelled): the money still arrived, so the recipient sees it.
    if (result.outcome === "invalid_state" || result.outcome === "not_found")
      result = await stub.recordPayment({ ...input, requestId: null });
    // "recorded" with no record: an unattributed log the authority already had (a submission came first).
    if (result.outcome === "recorded" && result.records.length > 0) recorded += 1;
  }
  return recorded;
}
