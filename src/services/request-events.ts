import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { requestEvents, type RequestRow } from "../db/schema";

/**
 * A request's timeline, oldest first. `request.created` is read from the row
 * itself (its creation is the row), with an id derived from the request's, so
 * it is stable; every later event is a `request_events` row from the outbox.
 */
export async function listRequestEvents(db: Database, row: RequestRow) {
  const rows = await db.select().from(requestEvents).where(eq(requestEvents.requestId, row.id)).orderBy(asc(requestEvents.sequence));
  const created = {
    id: `evt_created_${row.id.slice(4)}`,
    type: "request.created",
    at: new Date(row.createdAt).toISOString(),
    actor: row.createdByType === "client" ? { type: "client" as const, clientId: row.createdByClientId! } : { type: "user" as const },
    data: {},
  };
  return {
    data: [created, ...rows.map((e) => ({ id: e.id, type: e.type, at: new Date(e.at).toISOString(), actor: e.actor, data: e.data ?? {} }))],
  };
}
