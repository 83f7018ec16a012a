import { DurableObject } from "cloudflare:workers";

/**
 * The runtime floor: the same storage work as Payrelay's hot paths with none of
 * its routing, middleware, validation, auth or serialisation. Each route is what
 * a hand-written Worker would need at minimum, so `app / floor` is the price of
 * everything Payrelay adds on top of the runtime.
 */
type FloorEnv = { DB: D1Database; FLOOR_AUTHORITY: DurableObjectNamespace<FloorAuthority> };

/** One object per destination, like DestinationAuthority: its create work is one SQLite row. */
export class FloorAuthority extends DurableObject<FloorEnv> {
  constructor(ctx: DurableObjectState, env: FloorEnv) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS admitted (id TEXT PRIMARY KEY, record TEXT NOT NULL, admitted_at INTEGER NOT NULL)");
  }

  admit(id: string, record: string): boolean {
    this.ctx.storage.sql.exec("INSERT INTO admitted (id, record, admitted_at) VALUES (?, ?, ?)", id, record, Date.now());
    return true;
  }
}

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const newId = () => `req_${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => ALPHABET[b & 31]).join("")}`;

// The exact SQL drizzle emits for the orchestrator's list (recorded by the counting build).
const LIST_SQL =
  'select "id", "destination_id", "direction", "amount_minor", "currency", "decimals", "status", "created_by_type", "created_by_client_id", "created_by_client_name", "reference", "payer", "payee", "due_date", "metadata", "created_at", "updated_at", "expires_at", "status_sequence", "amount_paid_minor", "paid_late" from "requests" where ("requests"."destination_id" = ? and "requests"."created_by_client_id" = ?) order by "requests"."created_at" desc, "requests"."id" desc limit ?';
const LIST_CURSOR_SQL =
  'select "id", "destination_id", "direction", "amount_minor", "currency", "decimals", "status", "created_by_type", "created_by_client_id", "created_by_client_name", "reference", "payer", "payee", "due_date", "metadata", "created_at", "updated_at", "expires_at", "status_sequence", "amount_paid_minor", "paid_late" from "requests" where ("requests"."destination_id" = ? and "requests"."created_by_client_id" = ? and ("requests"."created_at", "requests"."id") < (?, ?)) order by "requests"."created_at" desc, "requests"."id" desc limit ?';
const GET_SQL =
  'select "id", "destination_id", "direction", "amount_minor", "currency", "decimals", "status", "created_by_type", "created_by_client_id", "created_by_client_name", "reference", "payer", "payee", "due_date", "metadata", "created_at", "updated_at", "expires_at", "status_sequence", "amount_paid_minor", "paid_late" from "requests" where "requests"."id" = ?';
const INSERT_SQL =
  'insert into "requests" ("id", "destination_id", "direction", "amount_minor", "currency", "decimals", "status", "created_by_type", "created_by_client_id", "created_by_client_name", "reference", "payer", "payee", "due_date", "metadata", "created_at", "updated_at", "expires_at", "status_sequence", "amount_paid_minor", "paid_late") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing';

const json = (body: unknown, status = 200) => Response.json(body, { status });

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const url = new URL(request.url);
    const parts = url.pathname.split("/");
    // POST /floor/destinations/{destinationId}/requests
    if (request.method === "POST" && parts[1] === "floor" && parts[2] === "destinations" && parts[4] === "requests") {
      const destinationId = parts[3]!;
      const body = (await request.json()) as { direction: string; amount: string; currency: string; reference?: string };
      const now = Date.now();
      const row = [
        newId(),
        destinationId,
        body.direction,
        body.amount,
        body.currency,
        6,
        "pending",
        "client",
        "cli_floor",
        "Floor",
        body.reference ?? null,
        null,
        null,
        null,
        null,
        now,
        now,
        null,
        0,
        "0",
        0,
      ] as const;
      const stub = env.FLOOR_AUTHORITY.get(env.FLOOR_AUTHORITY.idFromName(destinationId));
      await stub.admit(row[0], JSON.stringify(row));
      await env.DB.prepare(INSERT_SQL)
        .bind(...row)
        .run();
      return json({ id: row[0], createdAt: now }, 201);
    }
    // GET /floor/requests/{id}
    if (request.method === "GET" && parts[1] === "floor" && parts[2] === "requests" && parts[3]) {
      const row = await env.DB.prepare(GET_SQL).bind(parts[3]).first();
      return row ? json(row) : json({ error: "not found" }, 404);
    }
    // GET /floor/list?destination=…&client=…&limit=20[&createdAt=…&id=…]
    if (request.method === "GET" && url.pathname === "/floor/list") {
      const q = url.searchParams;
      const limit = Number(q.get("limit") ?? 20) + 1;
      const at = q.get("createdAt");
      const stmt =
        at === null
          ? env.DB.prepare(LIST_SQL).bind(q.get("destination"), q.get("client"), limit)
          : env.DB.prepare(LIST_CURSOR_SQL).bind(q.get("destination"), q.get("client"), Number(at), q.get("id"), limit);
      const { results } = await stmt.all();
      return json({ data: results.slice(0, limit - 1), more: results.length === limit });
    }
    // The bench compares these with the SQL the counted Payrelay build recorded.
    if (url.pathname === "/floor/sql") return json({ list: LIST_SQL, listCursor: LIST_CURSOR_SQL, get: GET_SQL, insert: INSERT_SQL });
    return json({ error: "no route" }, 404);
  },
} satisfies ExportedHandler<FloorEnv>;
