import type { CallerActor } from "../lib/actor";
import type { ParsedSecret } from "../clients/credentials/client-secret";
import { database } from "../db/client";
import { ApiError } from "../lib/problem";
import { decodeEventCursor } from "../lib/cursor";
import type { RequestCreate } from "./request.schemas";
import { accepted, authority, unknownClientSecret } from "../authority/stub";
import { listRequestsAs, readRequestAs, readVisibility } from "../clients/client-access";
import { createRequest } from "./create-request";
import { MAX_LINK_SECONDS, createPaymentLink } from "./links/payment-links";
import { requestDetail } from "../payments/payment-view";
import { listPaymentLinks } from "./links/payment-link-history";
import { readRequest, type ListFilters } from "./read-requests";
import { transitionRequest } from "./transition-request";
import type { WebhookEventSchema } from "../webhooks/webhook.schemas";
import type { z } from "@hono/zod-openapi";
import type { VerifiedSignature } from "../clients/signing/request-signature";
import type { WebhookResult } from "../webhooks/webhook-callers";

/**
 * What an orchestrator may do, once for every surface that speaks for one:
 * the /v1 handlers and the MCP tools call these, so both apply the same rules
 * (the authority's admission, visibility, the creator-only link) in the same
 * order. `via` says which surface asked; it reaches the authority's actor.
 */
export type Caller = { credential: ParsedSecret; via?: "mcp"; signature?: VerifiedSignature | null };

export const clientActor = ({ credential, via }: Caller): Extract<CallerActor, { type: "client" }> => ({
  type: "client",
  clientId: credential.clientId,
  secretHash: credential.secretHash,
  ...(via ? { via } : {}),
});

/** A create under the client's own destination; any other destination is 404 (after the secret is checked). */
export async function createForClient(env: Env, caller: Caller, destinationId: string, body: RequestCreate, key: string | null) {
  if (destinationId !== caller.credential.destinationId) {
    await readVisibility(env, caller.credential); // a wrong secret is 401 before it learns anything
    throw new ApiError("not_found", "No such destination for this client ID.");
  }
  return createRequest(env, destinationId, body, clientActor(caller), key, undefined, caller.signature ?? null);
}

export async function getForClient(env: Env, { credential }: Caller, requestId: string) {
  const row = await readRequestAs(env, credential, requestId);
  return requestDetail(database(env.DB), row);
}

/** A request's links, for whoever may read the request (its creator, or a reader of its direction). */
export async function linksForClient(env: Env, { credential }: Caller, requestId: string) {
  const db = database(env.DB);
  const row = await readRequest(db, requestId, readVisibility(env, credential), credential.destinationId);
  return listPaymentLinks(db, row.destinationId, row.id);
}

export async function listForClient(env: Env, { credential }: Caller, filters: ListFilters) {
  return listRequestsAs(env, credential, filters);
}

/**
 * Only the client that created a request makes links for it: a reader reads,
 * it does not create on another client's behalf (403 permission_denied for a
 * request it may read; 404 for one it may not).
 */
export async function linkForClient(
  env: Env,
  caller: Caller,
  origin: string,
  requestId: string,
  expiresInSeconds: number | undefined,
  key: string | null,
) {
  const { credential } = caller;
  const row = await readRequest(database(env.DB), requestId, await readVisibility(env, credential), credential.destinationId);
  if (row.createdByClientId !== credential.clientId) {
    throw new ApiError(
      "permission_denied",
      "Only the client that created this request can make payment links for it; this client ID may only read it.",
    );
  }
  return createPaymentLink(env, origin, row, clientActor(caller), expiresInSeconds ?? MAX_LINK_SECONDS, key);
}

/** The authority checks the secret and that this client created the request, in the same step as the cancel. */
export async function cancelForClient(env: Env, caller: Caller, requestId: string, reason: string | undefined) {
  const input = { requestId, action: "cancel" as const, actor: clientActor(caller) };
  return transitionRequest(env, caller.credential.destinationId, reason === undefined ? input : { ...input, data: { reason } });
}

/** The calling client as the recipient sees it (limits, spent, remaining, expiresAt), never its secret. */
export async function clientForClient(env: Env, { credential }: Caller) {
  const stub = authority(env, credential.destinationId);
  accepted(await stub.authenticate(credential.clientId, credential.secretHash), "client ID");
  const view = (await stub.listClients()).data.find((c) => c.id === credential.clientId);
  if (!view) throw unknownClientSecret();
  return view;
}

type EventPage = { data: z.output<typeof WebhookEventSchema>[]; nextCursor: string; hasMore: boolean };

/** The log position a catch-up cursor stands for (0: from the start); 400 for one this API did not issue. */
export function eventCursorPosition(cursor: string | undefined | null): number {
  if (cursor === undefined || cursor === null) return 0;
  const position = decodeEventCursor(cursor);
  if (position === null)
    throw new ApiError("validation_failed", "Check this query parameter: cursor.", [
      { path: "cursor", message: "Not a cursor this API issued; pass nextCursor as it came, or leave it out to start." },
    ]);
  return position;
}

export type EventsQuery = { cursor?: string | null; type?: string | null; limit?: number };

/** Catch-up: the events this client's endpoints would receive now, oldest first (the authority applies the delivery scope). */
export async function eventsForClient(env: Env, { credential }: Caller, query: EventsQuery): Promise<EventPage> {
  const caller = { type: "client" as const, clientId: credential.clientId, secretHash: credential.secretHash };
  const after = eventCursorPosition(query.cursor);
  // The authority's event views are the schema's shape; its types say only `string` for the event type.
  const page = await authority(env, credential.destinationId).listWebhookEvents(caller, after, query.type ?? null, query.limit);
  return accepted(page as unknown as WebhookResult<EventPage>, "event log").value;
}
