// Fills one destination with `count` requests by one client, straight into D1
// with batched multi-row INSERTs (values inlined: no bind-parameter limit), newest
// `createdAt` first one millisecond apart, as if the client had created them.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const ROWS_PER_STATEMENT = 500;
const STATEMENTS_PER_BATCH = 20;

/** A request id in src/lib/ids.ts's shape. */
export function requestId() {
  return `req_${Array.from(randomBytes(16), (b) => ALPHABET[b & 31]).join("")}`;
}

const q = (s) => `'${String(s).replace(/'/g, "''")}'`;

/** Inserts the rows; returns the ids of the newest `keep` of them (for get-by-id load). */
export async function seedRequests(db, { destinationId, clientId, clientName, count, newestAt, keep = 2000 }) {
  const kept = [];
  let made = 0;
  while (made < count) {
    const statements = [];
    for (let s = 0; s < STATEMENTS_PER_BATCH && made < count; s++) {
      const values = [];
      for (let r = 0; r < ROWS_PER_STATEMENT && made < count; r++, made++) {
        const id = requestId();
        if (kept.length < keep) kept.push(id);
        const at = newestAt - made;
        values.push(
          `(${q(id)},${q(destinationId)},'incoming','1250','USDC','pending','client',${q(clientId)},${q(clientName)},${q(`INV ${made}`)},NULL,NULL,NULL,NULL,${at},${at})`,
        );
      }
      statements.push(
        db.prepare(
          "INSERT INTO requests (id, destination_id, direction, amount_minor, currency, status, created_by_type, created_by_client_id, created_by_client_name, reference, payer, payee, due_date, metadata, created_at, updated_at) VALUES " +
            values.join(","),
        ),
      );
    }
    await db.batch(statements);
  }
  return kept;
}

/** The cursor src/lib/cursor.ts issues after the row at `offset` (0-based) of the newest-first list. */
export async function cursorAfter(db, { destinationId, clientId, offset }) {
  const row = await db
    .prepare(
      "SELECT created_at AS createdAt, id FROM requests WHERE destination_id = ? AND created_by_client_id = ? ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?",
    )
    .bind(destinationId, clientId, offset)
    .first();
  if (!row) throw new Error(`no row at offset ${offset}`);
  return { createdAt: row.createdAt, id: row.id, cursor: Buffer.from(`${row.createdAt}.${row.id}`).toString("base64url") };
}
