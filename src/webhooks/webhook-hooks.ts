import { eventActor, type CallerActor, type EventActor } from "../lib/actor";
import { serializeRequest } from "../requests/request-view";
import type { AdmissionRecord, ClientView } from "../authority/authority-types";
import { recordEvent } from "./webhook-store";
import { isoTime } from "../lib/iso-time";

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
  admittedFor: CallerActor,
): number {
  const actor = eventActor(admittedFor);
  if (record.kind === "request") {
    const row = record.row;
    return recordEvent(sql, {
      type: "request.created",
      at,
      actor,
      // The same view as every later request.* event: the detail view, with its payments (none yet).
      object: { ...serializeRequest(row), payments: [] },
      subject: { kind: "request", requestId: row.id, direction: row.direction, creatorClientId: row.createdByClientId },
    }).deliveries;
  }
  const link = record.row;
  // The link's URL carries its capability token, shown only to its creator: the event names the link, not the token.
  return recordEvent(sql, {
    type: "payment_link.created",
    at,
    actor,
    object: {
      id: link.id,
      requestId: link.requestId,
      destinationId: link.destinationId,
      expiresAt: isoTime(link.expiresAt),
      createdAt: isoTime(link.createdAt),
    },
    subject: { kind: "request", requestId: link.requestId, direction: "incoming", creatorClientId: requestCreatorClientId ?? null },
  }).deliveries;
}

export function recordRevocationEvent(sql: SqlStorage, client: ClientView, at: number, actor: EventActor): void {
  recordEvent(sql, { type: "client.revoked", at, actor, object: client, subject: { kind: "client", clientId: client.id } });
}
