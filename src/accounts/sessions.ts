import { and, eq, gt, lte } from "drizzle-orm";
import type { Database } from "../db/client";
import { sessions, users } from "../db/schema";
import { base64url, randomToken, sha256Hex } from "../lib/crypto";
import type { SessionUser } from "../env";
import { isoTime } from "../lib/iso-time";

/** `__Host-`: the browser keeps it only if Secure, Path=/ and host-only, so no subdomain can set or shadow it. */
export const SESSION_COOKIE = "__Host-payrelay_session";
/** Absolute lifetime: a stolen cookie dies within a week even if used daily. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The CSRF token is derived from the session id, so it needs no storage and dies with the session. */
async function csrfFor(sessionId: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`csrf:${sessionId}`));
  return base64url(new Uint8Array(digest));
}

export async function startSession(db: Database, userId: string) {
  const sessionId = randomToken(32);
  const now = Date.now();
  await db.insert(sessions).values({ idHash: await sha256Hex(sessionId), userId, createdAt: now, expiresAt: now + SESSION_TTL_MS });
  return { sessionId, csrfToken: await csrfFor(sessionId) };
}

/** The signed-in user of a session cookie, or null when absent, unknown, ended or expired. */
export async function loadSession(db: Database, sessionId: string): Promise<SessionUser | null> {
  const idHash = await sha256Hex(sessionId);
  const row = await db
    .select({ id: users.id, email: users.email, createdAt: users.createdAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, Date.now())))
    .get();
  return row ? { ...row, sessionIdHash: idHash, csrfToken: await csrfFor(sessionId) } : null;
}

export async function endSession(db: Database, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export function sessionCookie(value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
}

export function userView(u: { id: string; email: string; createdAt: number }) {
  return { id: u.id, email: u.email, createdAt: isoTime(u.createdAt) };
}

/** The cron's purge: sessions past their absolute expiry. */
export function purgeExpiredSessions(db: Database, now: number) {
  return db.delete(sessions).where(lte(sessions.expiresAt, now));
}
