import type { RequestRow } from "../db/schema";
import type { Actor } from "../durable-objects/authority-types";
import { canonicalJson } from "../lib/canonical-json";
import { randomToken, sha256Hex } from "../lib/crypto";
import { newId } from "../lib/ids";
import { ApiError } from "../lib/problem";
import { acceptedOrThrow, authority, persistAdmitted } from "./authority";

/** Contract maximum and default lifetime of a payment link: 7 days. */
export const MAX_LINK_SECONDS = 604_800;

/**
 * Creates a payment link for an incoming, pending request. The token in the URL
 * is a 192-bit capability; D1 keeps only its SHA-256, and the URL itself is kept
 * by the authority only inside the idempotency record, for replays.
 */
export async function createPaymentLink(
  env: Env, origin: string, request: RequestRow, actor: Actor, expiresInSeconds: number, idempotencyKey: string | null,
) {
  if (request.direction !== "incoming") throw new ApiError("conflict", "Payment links exist only for incoming requests.");
  if (request.status !== "pending") throw new ApiError("conflict", `The request is ${request.status}; only pending requests can get a payment link.`);
  const now = Date.now();
  const token = randomToken(24);
  const fingerprint = await sha256Hex(canonicalJson(["link", request.id, expiresInSeconds]));
  const admission = acceptedOrThrow(
    await authority(env, request.destinationId).admit({
      actor,
      permission: "incoming:creator",
      idempotencyKey,
      fingerprint,
      record: {
        kind: "link",
        row: {
          id: newId("lnk"), tokenHash: await sha256Hex(token), requestId: request.id, destinationId: request.destinationId,
          createdByClientId: actor.type === "client" ? actor.clientId : null, expiresAt: now + expiresInSeconds * 1000, createdAt: now,
        },
      },
      reply: { url: `${origin}/pay/${token}` },
      requestCreatorClientId: request.createdByClientId,
    }),
  );
  if (admission.record.kind !== "link" || !admission.reply?.url) throw new ApiError("idempotency_conflict", "This Idempotency-Key was used for another kind of create.");
  await persistAdmitted(env, admission.record);
  const { id, expiresAt } = admission.record.row;
  return { link: { id, url: admission.reply.url, expiresAt: new Date(expiresAt).toISOString() }, replayed: admission.outcome === "replayed" };
}
