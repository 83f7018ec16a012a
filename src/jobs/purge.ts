import { database } from "../db/client";
import { purgeLoginAttempts } from "../accounts/login-throttle";
import { purgeExpiredSessions } from "../accounts/sessions";

/**
 * The cron trigger's work: forget what has no further use. Expired sessions,
 * and sign-in attempt counters quiet for a day. (Idempotency keys and outbox
 * rows live in each destination's authority, whose alarm forgets them as they
 * expire; payment links stay, so an expired link keeps answering 410.)
 */
export async function purgeExpired(env: Env, now: number): Promise<{ sessions: number; loginAttempts: number }> {
  const db = database(env.DB);
  const [sessions, attempts] = await db.batch([purgeExpiredSessions(db, now), purgeLoginAttempts(db, now)]);
  return { sessions: sessions.meta.changes, loginAttempts: attempts.meta.changes };
}
