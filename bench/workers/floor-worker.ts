import { DurableObject } from "cloudflare:workers";

/**
 * The runtime floor: the same storage work as Payrelay's hot paths with none of
 * its routing, middleware, validation, auth or serialisation. Each route is what
 * a hand-written Worker would need at minimum, so `app / floor` is the price of
 * everything Payrelay adds on top of the runtime.
 */
type FloorEnv = { DB: D1Database; FLOOR_AUTHORITY: DurableObjectNamespace<FloorAuthority> };

/**
 * One object per destination, like DestinationAuthority, doing the storage work
 * of its admission with none of its logic: the statements Payrelay's admit runs
 * for an incoming create without an Idempotency-Key or webhook endpoint (the
 * client row, the rate bucket, the outbox, the request's state, its event and
 * the endpoints to deliver it to, the bucket's write), in one transactionSync,
 * then the alarm check; and an alarm that copies the outbox to D1 after the same
 * grace period, as Payrelay's does. The bench checks that the number of SQLite
 * statements per create matches Payrelay's (counted build).
 */
const GRACE_MS = 10_000;
const DRAIN_BATCH = 100;

export class FloorAuthority extends DurableObject<FloorEnv> {
  private statements = 0;

  constructor(ctx: DurableObjectState, env: FloorEnv) {
    super(ctx, env);
    ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS clients (id TEXT PRIMARY KEY, name TEXT NOT NULL, secret_hash TEXT NOT NULL, limits TEXT);
      CREATE TABLE IF NOT EXISTS rate_buckets (client_id TEXT PRIMARY KEY, tokens REAL NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS outbox (id TEXT PRIMARY KEY, record TEXT NOT NULL, admitted_at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS outbox_admitted ON outbox (admitted_at);
      CREATE TABLE IF NOT EXISTS requests (id TEXT PRIMARY KEY, direction TEXT NOT NULL, status TEXT NOT NULL, creator_client_id TEXT, expires_at INTEGER, sequence INTEGER NOT NULL, row TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS events (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, request_id TEXT, direction TEXT, client_id TEXT, object TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS events_created ON events (created_at);
      CREATE TABLE IF NOT EXISTS webhook_endpoints (id TEXT PRIMARY KEY, status TEXT NOT NULL);
      INSERT OR IGNORE INTO clients (id, name, secret_hash, limits) VALUES ('cli_floor', 'Floor', 'x', NULL);
    `);
  }

  private exec(query: string, ...bindings: SqlStorageValue[]) {
    this.statements++;
    return this.ctx.storage.sql.exec(query, ...bindings);
  }

  async admit(id: string, row: Record<string, unknown>): Promise<boolean> {
    const now = Date.now();
    this.ctx.storage.transactionSync(() => {
      this.exec("SELECT * FROM clients WHERE id = ?", "cli_floor").toArray();
      const bucket = this.exec("SELECT tokens, updated_at FROM rate_buckets WHERE client_id = ?", "cli_floor").toArray()[0];
      this.exec("INSERT INTO outbox (id, record, admitted_at) VALUES (?, ?, ?)", id, JSON.stringify({ kind: "request", row }), now);
      this.exec(
        "INSERT INTO requests (id, direction, status, creator_client_id, expires_at, sequence, row) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        id,
        "incoming",
        "pending",
        "cli_floor",
        null,
        0,
        JSON.stringify(row),
      );
      this.exec(
        "INSERT INTO events (id, type, request_id, direction, client_id, object, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *",
        `evt_${id}`,
        "request.created",
        id,
        "incoming",
        "cli_floor",
        JSON.stringify(row),
        now,
      ).one();
      this.exec("SELECT * FROM webhook_endpoints WHERE status = 'enabled'").toArray();
      this.exec(
        "INSERT INTO rate_buckets (client_id, tokens, updated_at) VALUES (?, ?, ?) ON CONFLICT (client_id) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at",
        "cli_floor",
        Number(bucket?.tokens ?? 600) + 1,
        now,
      );
    });
    const alarm = await this.ctx.storage.getAlarm();
    if (alarm === null || alarm > now + GRACE_MS) await this.ctx.storage.setAlarm(now + GRACE_MS);
    return true;
  }

  /** SQLite statements run by admissions so far (the bench compares it with Payrelay's). */
  admissionStatements(): number {
    return this.statements;
  }

  override async alarm(): Promise<void> {
    const now = Date.now();
    const due = this.ctx.storage.sql
      .exec<{ id: string; record: string }>(
        "SELECT id, record FROM outbox WHERE admitted_at <= ? ORDER BY admitted_at LIMIT ?",
        now - GRACE_MS,
        DRAIN_BATCH,
      )
      .toArray();
    if (due.length > 0) {
      await this.env.DB.batch(
        due.map((r) => {
          const row = (JSON.parse(r.record) as { row: Record<string, unknown> }).row;
          return this.env.DB.prepare(INSERT_SQL).bind(...(COLUMNS.map((c) => row[c] ?? null) as unknown[]));
        }),
      );
      this.ctx.storage.sql.exec(`DELETE FROM outbox WHERE id IN (${due.map(() => "?").join(",")})`, ...due.map((r) => r.id));
    }
    const next = this.ctx.storage.sql.exec<{ at: number | null }>("SELECT MIN(admitted_at) AS at FROM outbox").one().at;
    if (next !== null) await this.ctx.storage.setAlarm(due.length === DRAIN_BATCH ? now : Math.max(now + 1000, next + GRACE_MS));
  }
}

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const newId = () => `req_${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => ALPHABET[b & 31]).join("")}`;

// The exact SQL drizzle emits for the orchestrator's list (recorded by the counting build).
const LIST_SQL =
  'select "id", "destination_id", "direction", "amount_minor", "currency", "decimals", "status", "created_by_type", "created_by_client_id", "created_by_client_name", "reference", "payer", "payee", "context", "end_to_end_id", "payer_ref", "due_date", "metadata", "created_at", "updated_at", "expires_at", "status_sequence", "amount_paid_minor", "paid_late", "refunded_minor" from "requests" where ("requests"."destination_id" = ? and "requests"."created_by_client_id" = ?) order by "requests"."created_at" desc, "requests"."id" desc limit ?';
const LIST_CURSOR_SQL =
  'select "id", "destination_id", "direction", "amount_minor", "currency", "decimals", "status", "created_by_type", "created_by_client_id", "created_by_client_name", "reference", "payer", "payee", "context", "end_to_end_id", "payer_ref", "due_date", "metadata", "created_at", "updated_at", "expires_at", "status_sequence", "amount_paid_minor", "paid_late", "refunded_minor" from "requests" where ("requests"."destination_id" = ? and "requests"."created_by_client_id" = ? and ("requests"."created_at", "requests"."id") < (?, ?)) order by "requests"."created_at" desc, "requests"."id" desc limit ?';
const GET_SQL =
  'select "id", "destination_id", "direction", "amount_minor", "currency", "decimals", "status", "created_by_type", "created_by_client_id", "created_by_client_name", "reference", "payer", "payee", "context", "end_to_end_id", "payer_ref", "due_date", "metadata", "created_at", "updated_at", "expires_at", "status_sequence", "amount_paid_minor", "paid_late", "refunded_minor" from "requests" where "requests"."id" = ?';
const INSERT_SQL =
  'insert into "requests" ("id", "destination_id", "direction", "amount_minor", "currency", "decimals", "status", "created_by_type", "created_by_client_id", "created_by_client_name", "reference", "payer", "payee", "context", "end_to_end_id", "payer_ref", "due_date", "metadata", "created_at", "updated_at", "expires_at", "status_sequence", "amount_paid_minor", "paid_late", "refunded_minor") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing';

const json = (body: unknown, status = 200) => Response.json(body, { status });
const COLUMNS = [
  "id",
  "destination_id",
  "direction",
  "amount_minor",
  "currency",
  "decimals",
  "status",
  "created_by_type",
  "created_by_client_id",
  "created_by_client_name",
  "reference",
  "payer",
  "payee",
  "context",
  "end_to_end_id",
  "payer_ref",
  "due_date",
  "metadata",
  "created_at",
  "updated_at",
  "expires_at",
  "status_sequence",
  "amount_paid_minor",
  "paid_late",
  "refunded_minor",
] as const;

type CreateBody = { direction: string; amount: string; currency: string; reference?: string };

/** The request row Payrelay's create inserts, for the floor's create routes. */
function requestRow(destinationId: string, body: CreateBody): Record<(typeof COLUMNS)[number], unknown> {
  const now = Date.now();
  return {
    id: newId(),
    destination_id: destinationId,
    direction: body.direction,
    amount_minor: body.amount,
    currency: body.currency,
    decimals: 6,
    status: "pending",
    created_by_type: "client",
    created_by_client_id: "cli_floor",
    created_by_client_name: "Floor",
    reference: body.reference ?? null,
    payer: null,
    payee: null,
    context: null,
    end_to_end_id: null,
    payer_ref: null,
    due_date: null,
    metadata: null,
    created_at: now,
    updated_at: now,
    expires_at: null,
    status_sequence: 0,
    amount_paid_minor: "0",
    paid_late: 0,
    refunded_minor: "0",
  };
}

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const url = new URL(request.url);
    const parts = url.pathname.split("/");
    // POST /floor/destinations/{destinationId}/requests
    if (request.method === "POST" && parts[1] === "floor" && parts[2] === "destinations" && parts[4] === "requests") {
      const destinationId = parts[3]!;
      const row = requestRow(destinationId, (await request.json()) as CreateBody);
      const stub = env.FLOOR_AUTHORITY.get(env.FLOOR_AUTHORITY.idFromName(destinationId));
      await stub.admit(row.id as string, row);
      await env.DB.prepare(INSERT_SQL)
        .bind(...COLUMNS.map((c) => row[c]))
        .run();
      return json({ id: row.id, createdAt: row.created_at }, 201);
    }
    // POST /floor/d1/destinations/{destinationId}/requests: the create's D1 INSERT alone, no
    // Durable Object, so its rate is what one D1 database sustains (bench/phases/scale.mjs).
    if (request.method === "POST" && parts[1] === "floor" && parts[2] === "d1" && parts[3] === "destinations" && parts[5] === "requests") {
      const row = requestRow(parts[4]!, (await request.json()) as CreateBody);
      await env.DB.prepare(INSERT_SQL)
        .bind(...COLUMNS.map((c) => row[c]))
        .run();
      return json({ id: row.id, createdAt: row.created_at }, 201);
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
    // GET /floor/statements?destination=…: SQLite statements its authority's admissions ran.
    if (url.pathname === "/floor/statements") {
      const id = env.FLOOR_AUTHORITY.idFromName(url.searchParams.get("destination") ?? "");
      return json({ statements: await env.FLOOR_AUTHORITY.get(id).admissionStatements() });
    }
    if (url.pathname === "/floor/sql") return json({ list: LIST_SQL, listCursor: LIST_CURSOR_SQL, get: GET_SQL, insert: INSERT_SQL });
    return json({ error: "no route" }, 404);
  },
} satisfies ExportedHandler<FloorEnv>;
