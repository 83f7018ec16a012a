import type { CallerActor } from "../lib/actor";
import type { RequestRow } from "../db/schema";
import type { DestinationProfile } from "../authority/authority-types";
import { canonicalJson } from "../lib/canonical-json";
import { sha256Hex } from "../lib/crypto";
import { newId } from "../lib/ids";
import { initialStatus } from "./transitions";
import type { RequestCreate } from "./request.schemas";
import { accepted, authority, storageUnavailable } from "../authority/stub";
import { serializeRequest } from "./request-view";
import type { AdmitSignature } from "../authority/authority-types";
import { sealBase } from "../clients/signing/evidence-box";
import type { VerifiedSignature } from "../clients/signing/request-signature";

/** The row as the Worker can build it; the authority fills in the client's name and the amount's minor units. */
function buildRow(body: RequestCreate, destinationId: string, actor: CallerActor, now: number): RequestRow {
  return {
    id: newId("req"),
    destinationId,
    direction: body.direction,
    amountMinor: "0",
    currency: body.currency,
    decimals: null,
    status: initialStatus(body.direction),
    createdByType: actor.type === "client" ? "client" : "manual",
    createdByClientId: actor.type === "client" ? actor.clientId : null,
    createdByClientName: null,
    reference: body.reference ?? null,
    payer: body.payer ?? null,
    payee: body.payee ?? null,
    context: body.context ?? null,
    endToEndId: body.endToEndId ?? null,
    payerRef: body.payerRef ?? null,
    dueDate: body.dueDate ?? null,
    metadata: body.metadata ?? null,
    createdAt: now,
    updatedAt: now,
    expiresAt: body.expiresAt === undefined ? null : Date.parse(body.expiresAt),
    statusSequence: 0,
    amountPaidMinor: "0",
    paidLate: false,
    refundedMinor: "0",
  };
}

/** A client's create: its verified signature as evidence, the base sealed (it holds the bearer secret). */
async function admitSignature(env: Env, requestId: string, signature: VerifiedSignature | null): Promise<AdmitSignature> {
  if (signature === null) return null;
  const { signatureBase, keyThumbprint, ...kept } = signature;
  return { keyThumbprint, evidence: { ...kept, sealedBase: await sealBase(env, requestId, signatureBase) } };
}

/**
 * The create path, for orchestrators and the dashboard alike: one authority RPC,
 * which admits the create and writes it through to D1 (one statement). If D1
 * refuses, the request waits in the authority's outbox and reaches D1 by its
 * alarm; the caller gets 503 and a retry with the same Idempotency-Key returns it.
 * Manual creates pass the destination's profile, read with the ownership check.
 */
export async function createRequest(
  env: Env,
  destinationId: string,
  body: RequestCreate,
  actor: CallerActor,
  idempotencyKey: string | null,
  profile?: DestinationProfile,
  signature?: VerifiedSignature | null,
) {
  // Only a create with an Idempotency-Key is compared with an earlier one; without a key nothing reads it.
  const fingerprint = idempotencyKey === null ? "" : await sha256Hex(canonicalJson(["request", destinationId, body]));
  const permission = `${body.direction}:creator` as const;
  const row = buildRow(body, destinationId, actor, Date.now());
  const admission = accepted(
    await authority(env, destinationId).admit({
      actor,
      permission,
      idempotencyKey,
      fingerprint,
      record: { kind: "request", row },
      money: {
        amount: body.amount,
        currency: body.currency,
        bankPayout: body.direction === "outgoing" && body.payee?.sortCode !== undefined,
      },
      profile,
      ...(actor.type === "client" ? { signature: await admitSignature(env, row.id, signature ?? null) } : {}),
    }),
    "destination",
  );
  // The fingerprint names the kind, so a replay of this key is always a request.
  const record = admission.record as Extract<typeof admission.record, { kind: "request" }>;
  if (admission.stored === false) throw storageUnavailable(record.row.id, "Retry with the same Idempotency-Key to receive it.");
  return { request: serializeRequest(record.row), replayed: admission.outcome === "replayed" };
}
