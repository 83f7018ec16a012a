import { runInDurableObject } from "cloudflare:test";
import { describe, it } from "vitest";
import { EVENTS_READ_CAP, EVENTS_SCAN_WINDOW, listEvents } from "../../src/webhooks/event-catch-up";
import { decodeEventCursor } from "../../src/lib/cursor";
import type { EndpointOwner } from "../../src/webhooks/webhook-endpoints";
import { limitedClient } from "../limits/helpers";

/** The authority's SqlStorage, counting every row its statements read (cursor.rowsRead). */
function counting(sql: SqlStorage) {
  const cursors: SqlStorageCursor<Record<string, SqlStorageValue>>[] = [];
  const proxy = {
    exec: (query: string, ...binds: unknown[]) => {
      const cursor = sql.exec(query, ...binds);
      cursors.push(cursor);
      return cursor;
    },
  } as unknown as SqlStorage;
  return { sql: proxy, rowsRead: () => cursors.reduce((n, c) => n + c.rowsRead, 0) };
}

function insertEvents(sql: SqlStorage, n: number, e: { type: string; clientId: string | null; direction: string }) {
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    sql.exec(
      "INSERT INTO events (id, type, request_id, direction, client_id, object, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      `evt_${crypto.randomUUID()}`,
      e.type,
      `req_${i}`,
      e.direction,
      e.clientId,
      JSON.stringify({ id: `req_${i}`, padding: "x".repeat(500) }),
      now,
    );
  }
}

describe("GET /v1/events reads by scope index, at most 1,000 stored events a call", () => {
  it("a client finds its own events behind thousands of others' without reading them", async ({ expect }) => {
    const t = await limitedClient({});
    const mine = t.client.id as string;
    const result = await runInDurableObject(t.stub, (_i, state) => {
      insertEvents(state.storage.sql, 3000, { type: "request.created", clientId: "cli_someoneelse00", direction: "outgoing" });
      insertEvents(state.storage.sql, 3, { type: "request.paid", clientId: mine, direction: "incoming" });
      const c = counting(state.storage.sql);
      const page = listEvents(c.sql, { type: "client", clientId: mine }, 0, null, Date.now());
      return { types: page.data.map((e) => e.type), hasMore: page.hasMore, rowsRead: c.rowsRead() };
    });
    expect(result.types).toEqual(["request.paid", "request.paid", "request.paid"]);
    expect(result.hasMore).toBe(false);
    expect(result.rowsRead).toBeLessThan(50);
  });

  it("starts at the first event inside the 30 days, found among older ones kept as requests' timelines", async ({ expect }) => {
    const t = await limitedClient({});
    const DAY = 86_400_000;
    const ids = await runInDurableObject(t.stub, (_i, state) => {
      const sql = state.storage.sql;
      const ages = [45, 40, 35, 31, 30.5, 29, 10, 1, 0];
      ages.forEach((days, i) =>
        sql.exec(
          "INSERT INTO events (id, type, request_id, direction, client_id, object, created_at) VALUES (?, 'request.created', ?, 'incoming', NULL, ?, ?)",
          `evt_age${i}`,
          `req_age${i}`,
          JSON.stringify({ id: `req_age${i}` }),
          Date.now() - days * DAY,
        ),
      );
      return listEvents(sql, { type: "recipient" }, 0, null, Date.now()).data.map((e) => e.id);
    });
    expect(ids).toEqual(["evt_age5", "evt_age6", "evt_age7", "evt_age8"]);
  });

  it("a filter that matches nothing for a long stretch stops at the cap and answers a cursor; following it finds the rest", async ({
    expect,
  }) => {
    const t = await limitedClient({}, ["incoming:creator", "incoming:reader"]);
    const viewer: EndpointOwner = { type: "client", clientId: t.client.id as string };
    const pages = await runInDurableObject(t.stub, (_i, state) => {
      insertEvents(state.storage.sql, 2500, { type: "request.created", clientId: null, direction: "incoming" });
      insertEvents(state.storage.sql, 60, { type: "request.paid", clientId: null, direction: "incoming" });
      const out: { n: number; hasMore: boolean; rowsRead: number }[] = [];
      let after = 0;
      let hasMore = true;
      while (hasMore && out.length < 10) {
        const c = counting(state.storage.sql);
        const page = listEvents(c.sql, viewer, after, "request.paid", Date.now());
        out.push({ n: page.data.length, hasMore: page.hasMore, rowsRead: c.rowsRead() });
        after = decodeEventCursor(page.nextCursor)!;
        hasMore = page.hasMore;
      }
      return out;
    });
    for (const p of pages) expect(p.rowsRead).toBeLessThanOrEqual(EVENTS_READ_CAP + 20);
    expect(pages[0]).toMatchObject({ n: 0, hasMore: true });
    expect(pages.reduce((n, p) => n + p.n, 0)).toBe(60);
    expect(pages.at(-1)!.hasMore).toBe(false);
  });

  it("a reader's direction, behind more of the other direction than one scan window, is found by following the cursor", async ({
    expect,
  }) => {
    const t = await limitedClient({}, ["incoming:creator", "incoming:reader"]);
    const viewer: EndpointOwner = { type: "client", clientId: t.client.id as string };
    const pages = await runInDurableObject(t.stub, (_i, state) => {
      insertEvents(state.storage.sql, EVENTS_SCAN_WINDOW + 50, { type: "request.created", clientId: null, direction: "outgoing" });
      insertEvents(state.storage.sql, 5, { type: "request.paid", clientId: null, direction: "incoming" });
      const out: { n: number; hasMore: boolean; rowsRead: number }[] = [];
      let after = 0;
      let hasMore = true;
      while (hasMore && out.length < 5) {
        const c = counting(state.storage.sql);
        const page = listEvents(c.sql, viewer, after, null, Date.now());
        out.push({ n: page.data.length, hasMore: page.hasMore, rowsRead: c.rowsRead() });
        after = decodeEventCursor(page.nextCursor)!;
        hasMore = page.hasMore;
      }
      return out;
    });
    // The first call looks through one window of outgoing events only, and says there is more.
    expect(pages[0]).toMatchObject({ n: 0, hasMore: true });
    for (const p of pages) expect(p.rowsRead).toBeLessThanOrEqual(EVENTS_SCAN_WINDOW + 20);
    expect(pages.reduce((n, p) => n + p.n, 0)).toBe(5);
    expect(pages.at(-1)!.hasMore).toBe(false);
  });

  it("over HTTP: a page may be short with a cursor, and the cursor continues in log order", async ({ expect }) => {
    const t = await limitedClient({}, ["incoming:creator", "incoming:reader"]);
    await runInDurableObject(t.stub, (_i, state) => {
      insertEvents(state.storage.sql, 1200, { type: "request.created", clientId: null, direction: "incoming" });
      insertEvents(state.storage.sql, 2, { type: "request.paid", clientId: null, direction: "incoming" });
    });
    const first = await t.orchestrator("/v1/events?type=request.paid");
    expect(first.status).toBe(200);
    expect(first.json.data).toEqual([]);
    expect(first.json.hasMore).toBe(true);
    const second = await t.orchestrator(`/v1/events?type=request.paid&cursor=${first.json.nextCursor}`);
    expect(second.json.data.map((e: { type: string }) => e.type)).toEqual(["request.paid", "request.paid"]);
    expect(second.json.hasMore).toBe(false);
  });
});
