import { userActor } from "../lib/actor";
import { verifyRefund } from "./chains/verify-refund";
import type { DestinationRow, RefundRow, RequestRow } from "../db/schema";
import type { RecordRefundInput } from "../authority/authority-types";
import { inRequestUnits } from "./payment-store";
import { decimalsFor, formatMinor, parseDecimal } from "../lib/money";
import { ApiError } from "../lib/problem";
import { accepted, authority, storageUnavailable } from "../authority/stub";
import { tokenOf } from "../destinations/destinations";

export type RefundCall = { user: { id: string; email: string }; amount: string; txHash?: string; note?: string };

const amountError = (message: string, detail = message) => new ApiError("validation_failed", detail, [{ path: "amount", message }]);

/**
 * A refund of an incoming request, recorded by the recipient (API v1.2, "What the seeds still ask"). With a
 * txHash, the RPC calls come first (nothing is held meanwhile): a Transfer of the destination's token from its
 * wallet, whose amount must be the body's; then one authority RPC checks, in the same transaction that records
 * it, that the recipient of that Transfer paid this request and that the total refunded stays within what was
 * paid. Refusals before the authority record nothing, so retrying is safe.
 */
export async function refundRequest(
  env: Env,
  d: DestinationRow,
  r: RequestRow,
  call: RefundCall,
): Promise<{ refund: RefundRow; replayed: boolean }> {
  if (r.direction !== "incoming")
    throw new ApiError("invalid_state", "Only an incoming request takes refunds: the destination sends back what a payer paid it.");
  const token = tokenOf(d);
  const decimals = decimalsFor(r, token.decimals);
  const parsed = parseDecimal(call.amount, decimals, r.currency);
  if (!parsed.ok) throw amountError(parsed.message, `Check this field: amount. ${parsed.message}`);
  const input: RecordRefundInput = {
    requestId: r.id,
    actor: userActor(call.user),
    amountMinor: parsed.minor.toString(),
    ...(call.note === undefined ? {} : { note: call.note }),
  };
  if (call.txHash !== undefined) {
    const check = await verifyRefund(env, {
      chainId: d.chainId,
      tokenAddress: d.tokenAddress,
      walletAddress: d.walletAddress,
      txHash: call.txHash,
    });
    if (check.outcome === "chain_unavailable") throw new ApiError("chain_unavailable", check.detail, undefined, { "retry-after": "10" });
    if (check.outcome === "not_found") throw new ApiError("payment_not_found", check.detail);
    if (check.outcome === "mismatch") throw new ApiError("payment_mismatch", `Wrong ${check.field}: ${check.detail}`);
    const sent = inRequestUnits({ amount_minor: check.amountMinor.toString(), decimals: token.decimals }, decimals);
    if (sent !== parsed.minor)
      throw new ApiError("payment_mismatch", `The transaction refunds ${formatMinor(sent, decimals)} ${r.currency}, not ${call.amount}.`, [
        { path: "amount", message: `Enter ${formatMinor(sent, decimals)}, what the transaction sent back.` },
      ]);
    input.transfer = { chainId: check.chainId, txHash: check.txHash, logIndex: check.logIndex, to: check.to };
  }
  const result = await authority(env, d.id).recordRefund(input);
  if (result.stored === false) throw storageUnavailable("The refund", "Repeating it with the same transaction is safe.");
  const done = accepted(result, "request");
  return { refund: done.refund, replayed: done.outcome === "replayed" };
}
