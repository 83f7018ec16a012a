/** The contract's default `createsPerMinute`. */
export const DEFAULT_CREATES_PER_MINUTE = 600;

export type BucketVerdict =
  { ok: true; tokens: number; remaining: number } | { ok: false; retryAfterSeconds: number; resetSeconds: number };

/**
 * A token bucket per client in the authority's SQLite: `perMinute` tokens at
 * most, refilled continuously at `perMinute` a minute. The authority already
 * orders every create, so the check costs no extra round trip and is exact
 * (one bucket, not one per edge location). Pure: `take` writes what this returns.
 */
export function checkBucket(sql: SqlStorage, clientId: string, perMinute: number, now: number): BucketVerdict {
  const row = sql
    .exec<{ tokens: number; updated_at: number }>("SELECT tokens, updated_at FROM rate_buckets WHERE client_id = ?", clientId)
    .toArray()[0];
  const perMs = perMinute / 60_000;
  const tokens = row ? Math.min(perMinute, row.tokens + Math.max(0, now - row.updated_at) * perMs) : perMinute;
  if (tokens >= 1) return { ok: true, tokens: tokens - 1, remaining: Math.floor(tokens - 1) };
  return {
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)),
    resetSeconds: Math.ceil((perMinute - tokens) / perMs / 1000),
  };
}

export function take(sql: SqlStorage, clientId: string, tokens: number, now: number): void {
  sql.exec(
    "INSERT INTO rate_buckets (client_id, tokens, updated_at) VALUES (?, ?, ?) ON CONFLICT (client_id) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at",
    clientId,
    tokens,
    now,
  );
}
