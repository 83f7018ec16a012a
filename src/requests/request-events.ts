import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { requestEvents, type RequestRow } from "../db/schema";
import type { EventView } from "../webhooks/views";
import { authority } from "../authority/stub";
import { serializeRequest } from "./request-view";
import type { z } from "@hono/zod-openapi";
import type { WebhookEventSchema } from "../webhooks/webhook.schemas";
import { isoTime } from "../lib/iso-time";

type ApiEvent = z.output<typeof WebhookEventSchema>;

/**
 * A request's timeline, oldest first, in the one event shape (API v1.2): the
 * very events webhooks deliver and GET /v1/events lists, with the same ids and
 * `sequence`, read from the destination's authority, which wrote them.
 *
 * D1's copies of transition events (request_events, with the same ids) fill in
 * what the authority's log did not keep before it kept actors; and a request
 * older than that log (created before webhooks existed) still shows its
 * creation and transitions from D1, with `sequence` 0 and its current view as
 * the object: that history has no log position to give.
 */
export async function listRequestEvents(env: Env, db: Database, row: RequestRow): Promise<{ data: ApiEvent[] }> {
  const [logged, copies] = await Promise.all([
    // The event views carry `Record<string, unknown>` data, which the RPC stub's types cannot name.
    (authority(env, row.destinationId).requestTimeline(row.id) as unknown as Promise<{ data: EventView[] }>).then((t) => t.data),
    db.select().from(requestEvents).where(eq(requestEvents.requestId, row.id)).orderBy(asc(requestEvents.sequence)),
  ]);
  const byId = new Map(copies.map((e) => [e.id, e]));
  const events: EventView[] = (logged as EventView[]).map((e) => {
    const copy = byId.get(e.id);
    return copy ? { ...e, actor: copy.actor, data: { ...(copy.data ?? {}), ...e.data } } : e;
  });
  const known = new Set(events.map((e) => e.id));
  const view = serializeRequest(row);
  const legacy: EventView[] = copies
    .filter((e) => !known.has(e.id))
    .map((e) => ({
      id: e.id,
      type: e.type,
      createdAt: isoTime(e.at),
      sequence: 0,
      actor: e.actor,
      data: { object: view, ...(e.data ?? {}) },
    }));
  if (!events.some((e) => e.type === "request.created"))
    legacy.unshift({
      id: `evt_created_${row.id.slice(4)}`,
      type: "request.created",
      createdAt: isoTime(row.createdAt),
      sequence: 0,
      actor: row.createdByType === "client" ? { type: "client", clientId: row.createdByClientId! } : { type: "user" },
      data: { object: view },
    });
  // The authority writes only the contract's event types; its views say `string`.
  return { data: [...legacy, ...events] as ApiEvent[] };
}
