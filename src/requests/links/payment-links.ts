import type { CallerActor } from "../../lib/actor";
import type { RequestRow } from "../../db/schema";
import { canonicalJson } from "../../lib/canonical-json";
import { randomToken, sha256Hex } from "../../lib/crypto";
import { newId } from "../../lib/ids";
import { serializeRequest } from "../request-view";
import { accepted, authority, storageUnavailable } from "../../authority/stub";
import { isoTime } from "../../lib/iso-time";

/** Contract maximum and default lifetime of a payment link: 7 days. */
export const MAX_LINK_SECONDS = 604_800;

/**
 * Creates a payment link for an incoming, pending request. The token in the URL
 * is a 192-bit capability; D1 keeps only its SHA-256. The URL itself is kept in
 * plain text in one place: the authority's idempotency record, for 48 h, so a
 * retry with the same Idempotency-Key gets the same link (docs/storage-schema.md).
 * `origin` is publicOrigin(), never the request's Host.
 */
export async function createPaymentLink(
  env: Env,
  origin: string,
  request: RequestRow,
  actor: CallerActor,
  expiresInSeconds: number,
  idempotencyKey: string | null,
) {
  // The status as readers see it: a pending request past its expiresAt is already expired.
  const status = serializeRequest(request).status;
  const blockedBy =
    request.direction !== "incoming"
      ? "Payment links exist only for incoming requests."
      : status !== "pending"
        ? `The request is ${status}; only pending requests can get a payment link.`
        : undefined;
  const now = Date.now();
  const token = randomToken(24);
  const fingerprint = await sha256Hex(canonicalJson(["link", request.id, expiresInSeconds]));
  const admission = accepted(
    await authority(env, request.destinationId).admit({
      actor,
      permission: "incoming:creator",
      idempotencyKey,
      fingerprint,
      record: {
        kind: "link",
        row: {
          id: newId("lnk"),
          tokenHash: await sha256Hex(token),
          requestId: request.id,
          destinationId: request.destinationId,
          createdByClientId: actor.type === "client" ? actor.clientId : null,
          expiresAt: now + expiresInSeconds * 1000,
          createdAt: now,
        },
      },
      reply: { url: `${origin}/pay/${token}` },
      blockedBy,
      requestCreatorClientId: request.createdByClientId,
    }),
    "request",
  );
  // The fingerprint names the kind, so a replay of this key is always a link with its URL.
  const record = admission.record as Extract<typeof admission.record, { kind: "link" }>;
  if (admission.stored === false) throw storageUnavailable(record.row.id, "Retry with the same Idempotency-Key to receive it.");
  const { id, expiresAt } = record.row;
  return {
    link: { id, url: admission.reply!.url!, expiresAt: isoTime(expiresAt) },
    replayed: admission.outcome === "replayed",
  };
}
