import type { RequestRow } from "../db/schema";
import type { Actor } from "../durable-objects/authority-types";
import { canonicalJson } from "../lib/canonical-json";
import { sha256Hex } from "../lib/crypto";
import { newId } from "../lib/ids";
import { parseAmount } from "../lib/money";
import { ApiError } from "../lib/problem";
import type { RequestCreate } from "../schemas/request";
import { acceptedOrThrow, authority, persistAdmitted } from "./authority";
import { serializeRequest } from "./request-view";

function buildRow(body: RequestCreate, destinationId: string, actor: Actor, now: number): RequestRow {
  const amount = parseAmount(body.amount, body.currency);
  if (!amount.ok) throw new ApiError("validation_failed", amount.message, [{ path: "amount", message: amount.message }]);
  return {
    id: newId("req"),
    destinationId,
    direction: body.direction,
    amountMinor: amount.minor.toString(),
    currency: body.currency,
    status: "pending",
    createdByType: actor.type,
    createdByClientId: actor.type === "client" ? actor.clientId : null,
    createdByClientName: null, // filled in by the authority, which knows the client's name
    reference: body.reference ?? null,
    payer: body.payer ?? null,
    payee: body.payee ?? null,
    dueDate: body.dueDate ?? null,
    metadata: body.metadata ?? null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The create path, for orchestrators and the dashboard alike: one authority RPC
 * (admission) then one D1 statement. If D1 fails after admission the request
 * still exists in the authority's outbox and reaches D1 by its alarm; the
 * caller gets 503 and a retry with the same Idempotency-Key returns it.
 */
export async function createRequest(env: Env, destinationId: string, body: RequestCreate, actor: Actor, idempotencyKey: string | null) {
  const fingerprint = await sha256Hex(canonicalJson(["request", destinationId, body]));
  const admission = acceptedOrThrow(
    await authority(env, destinationId).admit({
      actor,
      permission: `${body.direction}:creator`,
      idempotencyKey,
      fingerprint,
      record: { kind: "request", row: buildRow(body, destinationId, actor, Date.now()) },
    }),
  );
  if (admission.record.kind !== "request") throw new ApiError("idempotency_conflict", "This Idempotency-Key was used for another kind of create.");
  const row = admission.record.row;
  await persistAdmitted(env, admission.record);
  return { request: serializeRequest(row), replayed: admission.outcome === "replayed" };
}
