import type { Actor } from "../lib/actor";
import { and, eq } from "drizzle-orm";
import { verifyPayment, type PaymentSubmission, type VerifiedPayment, type VerifyOutcome } from "./chains/verify-payment";
import { database } from "../db/client";
import { requests, type DestinationRow, type RequestRow } from "../db/schema";
import type { RecordPaymentInput, VerifiedTransfer } from "../authority/authority-types";
import { PAYMENT_RULES } from "../requests/transitions";
import { ApiError } from "../lib/problem";
import { accepted, authority, problemFor, storageUnavailable } from "../authority/stub";
import { tokenOf } from "../destinations/destinations";
import { serializeRequest } from "../requests/request-view";

/** What a caller submits: a transaction (verified here), or, for the recipient, only a note (a declared payment). */
export type PaymentCall = { actor: Actor; txHash?: string; signature?: string; note?: string };

/** The chain check: for an incoming request a Transfer to the destination, for an outgoing one from it to the payee. */
function submission(d: DestinationRow, r: RequestRow, call: PaymentCall, txHash: string): PaymentSubmission {
  const base = { chainId: d.chainId, tokenAddress: d.tokenAddress, txHash, requestId: r.id };
  if (r.direction === "incoming") {
    const trusted = call.actor.type === "user";
    return {
      ...base,
      walletAddress: d.walletAddress,
      payerWallet: r.payer?.walletAddress ?? null,
      signature: call.signature ?? null,
      trusted,
    };
  }
  const payee = r.payee?.walletAddress;
  if (!payee)
    throw new ApiError("validation_failed", "This request's payee has no wallet address; mark it paid with a note instead.", [
      { path: "txHash", message: "The payee has no wallet to pay on-chain." },
    ]);
  return { ...base, walletAddress: payee, sender: d.walletAddress, trusted: true };
}

/** Nothing recorded for these: a retry after fixing the cause is safe. */
function refusal(outcome: Exclude<VerifyOutcome, { outcome: "confirming" | "confirmed" | "unattributed" }>): ApiError {
  if (outcome.outcome === "chain_unavailable") return new ApiError("chain_unavailable", outcome.detail, undefined, { "retry-after": "10" });
  if (outcome.outcome === "not_found") return new ApiError("payment_not_found", outcome.detail);
  return new ApiError("payment_mismatch", `Wrong ${outcome.field}: ${outcome.detail}`);
}

// Over RPC as strings: amounts stay exact integers, whatever the serialization.
const transfersOf = (payments: VerifiedPayment[]): VerifiedTransfer[] =>
  payments.map((p) => ({ ...p, amountMinor: p.amountMinor.toString() }));

/**
 * A payment for one request, from any party: the RPC calls first (nothing is
 * held meanwhile), then one authority RPC that records it atomically and writes
 * it through to D1. Refusals before the authority record nothing, so retries are safe.
 */
export async function submitPayment(env: Env, d: DestinationRow, r: RequestRow, call: PaymentCall): Promise<RequestRow> {
  const kind = call.txHash === undefined ? "declared" : "verified";
  const stub = authority(env, d.id);
  const status = serializeRequest(r).status;
  // Cheap refusals before any RPC; the authority checks again against the state it owns.
  if ((r.direction === "outgoing" && call.actor.type !== "user") || !PAYMENT_RULES[r.direction][kind].includes(status)) {
    const how = r.direction === "outgoing" ? "the recipient marks an outgoing request paid" : "it takes no payment";
    throw new ApiError("invalid_state", `This request is ${status}; ${how}${kind === "declared" ? " by declaration" : ""}.`);
  }
  const token = tokenOf(d);
  const input: RecordPaymentInput = {
    destinationId: d.id,
    requestId: r.id,
    actor: call.actor,
    kind,
    transfers: [],
    confirmed: true,
    required: 1,
    tokenDecimals: token.decimals,
    ...(call.note === undefined ? {} : { note: call.note }),
  };
  if (call.txHash !== undefined) {
    const outcome = await verifyPayment(env, submission(d, r, call, call.txHash));
    if (outcome.outcome === "unattributed") {
      // Kept for the recipient to assign; if D1 refuses it now, the authority's outbox brings it there later.
      if (outcome.transfers.length > 0) {
        const kept = await stub.recordPayment({ ...input, requestId: null, submittedFor: r.id, transfers: transfersOf(outcome.transfers) });
        if (kept.outcome === "payment_already_used") throw problemFor(kept, "request");
        if (kept.outcome === "unchanged" && kept.row) return kept.row;
      }
      throw new ApiError("payment_unattributed", outcome.detail);
    }
    if (outcome.outcome === "chain_unavailable" || outcome.outcome === "not_found" || outcome.outcome === "mismatch")
      throw refusal(outcome);
    if (outcome.payments.length === 0)
      throw new ApiError("payment_not_found", `Transaction ${call.txHash} is not mined yet; submit it again once it is.`);
    Object.assign(input, {
      transfers: transfersOf(outcome.payments),
      confirmed: outcome.outcome === "confirmed",
      required: outcome.required,
    });
  }
  let result = await stub.recordPayment(input);
  if (result.outcome === "not_found") {
    // A request admitted before the authority kept request state exists only in D1: hand it over once.
    const legacy = await database(env.DB)
      .select()
      .from(requests)
      .where(and(eq(requests.id, r.id), eq(requests.destinationId, d.id)))
      .get();
    if (legacy) result = await stub.recordPayment({ ...input, adopt: legacy });
  }
  if (result.stored === false) throw storageUnavailable("The payment", "Repeating it is safe.");
  return accepted(result, "request").row!;
}
