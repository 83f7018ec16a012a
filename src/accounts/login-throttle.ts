import { eq, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { loginAttempts } from "../db/schema";
import { sha256Hex } from "../lib/crypto";
import { ApiError } from "../lib/problem";
import { rateLimitHeaders } from "../lib/rate-limit-headers";

/** Guesses per (email, IP) before each further one waits 30 s, doubling up to 15 min. */
export const FREE_ATTEMPTS = 5;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;
/** An (email, IP) pair quiet this long starts over; the cron purges such rows. */
export const ATTEMPT_WINDOW_MS = 24 * 60 * 60_000;

const delayAfter = (attempts: number) => Math.min(BASE_DELAY_MS * 2 ** (attempts - FREE_ATTEMPTS), MAX_DELAY_MS);

/**
 * Claims one password check for this email from this IP, *before* the check,
 * in one atomic upsert: the row's count rises only while the pair is allowed
 * (under the free attempts, or past its back-off), so twenty concurrent wrong
 * guesses get exactly five checks. Keyed by email and IP together, so an
 * attacker's guesses never lock out the owner signing in from elsewhere.
 */
export async function claimLoginAttempt(db: Database, email: string, ip: string, now: number): Promise<string> {
  const key = await sha256Hex(`${email.toLowerCase()}\n${ip}`);
  const wait = sql`min(${BASE_DELAY_MS} * (1 << max(${loginAttempts.attempts} - ${FREE_ATTEMPTS}, 0)), ${MAX_DELAY_MS})`;
  const claimed = await db
    .insert(loginAttempts)
    .values({ key, attempts: 1, lastAttemptAt: now })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        attempts: sql`CASE WHEN ${loginAttempts.lastAttemptAt} < ${now - ATTEMPT_WINDOW_MS} THEN 1 ELSE ${loginAttempts.attempts} + 1 END`,
        lastAttemptAt: now,
      },
      setWhere: sql`${loginAttempts.attempts} < ${FREE_ATTEMPTS} OR ${loginAttempts.lastAttemptAt} + ${wait} <= ${now}`,
    })
    .returning({ attempts: loginAttempts.attempts });
  if (claimed.length > 0) return key;
  const row = await db.select().from(loginAttempts).where(eq(loginAttempts.key, key)).get();
  const seconds = Math.max(1, Math.ceil(((row?.lastAttemptAt ?? now) + delayAfter(row?.attempts ?? FREE_ATTEMPTS) - now) / 1000));
  // The policy as RateLimit headers state it: FREE_ATTEMPTS checks, then one per back-off window.
  throw new ApiError(
    "rate_limited",
    `Too many failed sign-ins for this email from your network. Try again in ${seconds} s.`,
    undefined,
    rateLimitHeaders("sign-in-attempts", FREE_ATTEMPTS, ATTEMPT_WINDOW_MS / 1000, seconds, seconds),
  );
}

/** A correct password clears its own pair only. */
export async function clearLoginAttempts(db: Database, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

/** The cron's purge: pairs quiet for a whole window. */
export function purgeLoginAttempts(db: Database, now: number) {
  return db.delete(loginAttempts).where(lt(loginAttempts.lastAttemptAt, now - ATTEMPT_WINDOW_MS));
}
