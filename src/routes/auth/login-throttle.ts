import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { loginFailures } from "../../db/schema";
import { ApiError } from "../../lib/problem";

const FREE_FAILURES = 5;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

/** After five failures for an email, each further try waits 30 s, doubling up to 15 min. */
export async function assertLoginAllowed(db: Database, email: string, now: number): Promise<void> {
  const row = await db.select().from(loginFailures).where(eq(loginFailures.email, email)).get();
  if (!row || row.failures < FREE_FAILURES) return;
  const delay = Math.min(BASE_DELAY_MS * 2 ** (row.failures - FREE_FAILURES), MAX_DELAY_MS);
  const wait = row.lastFailureAt + delay - now;
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new ApiError("rate_limited", `Too many failed sign-ins for this email. Try again in ${seconds} s.`, undefined, { "retry-after": String(seconds) });
  }
}

export async function recordLoginFailure(db: Database, email: string, now: number): Promise<void> {
  await db
    .insert(loginFailures)
    .values({ email, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({ target: loginFailures.email, set: { failures: sql`${loginFailures.failures} + 1`, lastFailureAt: now } });
}

export async function clearLoginFailures(db: Database, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
}
