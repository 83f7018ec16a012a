import { serializeRequest } from "../services/request-view";
import type { AdmissionRecord, ClientView } from "./authority-types";
import { recordEvent } from "./webhook-store";

/**
 * The events of the authority's own state changes, one call each from inside
 * its transactions: `request.created` and `payment_link.created` in admit(),
 * `client.revoked` in revokeClient(). Returns how many deliveries the event queued.
 */
export function recordAdmissionEvent(
  sql: SqlStorage,
  record: AdmissionRecord,
  requestCreatorClientId: string | null | undefined,
  at: number,
): number {
  if (record.kind === "request") {
    const row = record.row;
    return recordEvent(sql, {
      type: "request.created",
      at,
      object: serializeRequest(row),
      subject: { kind: "request", requestId: row.id, direction: row.direction, creatorClientId: row.createdByClientId },
    }).deliveries;
  }
  const link = record.row;
  // The link's URL carries its capability token, shown only to its creator: the event names the link, not the token.
  return recordEvent(sql, {
    type: "payment_link.created",
    at,
    object: {
      id: link.id,
      requestId: link.requestId,
      destinationId: link.destinationId,
      expiresAt: new Date(link.expiresAt).toISOString(),
      createdAt: new Date(link.createdAt).toISOString(),
    },
    subject: { kind: "request", requestId: link.requestId, direction: "incoming", creatorClientId: requestCreatorClientId ?? null },
  }).deliveries;
}

export function recordRevocationEvent(sql: SqlStorage, client: ClientView, at: number): void {
  recordEvent(sql, { type: "client.revoked", at, object: client, subject: { kind: "client", clientId: client.id } });
}
