import { eq } from "drizzle-orm";
import { database } from "../../db/client";
import { users } from "../../db/schema";
import type { AppRouteHandler } from "../../lib/create-router";
import { newId } from "../../lib/ids";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "../../lib/password";
import { ApiError } from "../../lib/problem";
import { SESSION_TTL_MS, endSession, sessionCookie, startSession, userView } from "../../services/sessions";
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from "./login-throttle";
import type { login, logout, me, signup } from "./auth.routes";

const cookieFor = (sessionId: string) => sessionCookie(sessionId, SESSION_TTL_MS / 1000);

export const signupHandler: AppRouteHandler<typeof signup> = async (c) => {
  const { email, password } = c.req.valid("json");
  const db = database(c.env.DB);
  const user = { id: newId("usr"), email, passwordHash: await hashPassword(password), createdAt: Date.now() };
  const inserted = await db.insert(users).values(user).onConflictDoNothing().returning({ id: users.id });
  if (inserted.length === 0) throw new ApiError("conflict", "An account with this email already exists; sign in instead.");
  const { sessionId, csrfToken } = await startSession(db, user.id);
  c.header("set-cookie", cookieFor(sessionId));
  return c.json({ user: userView(user), csrfToken }, 201);
};

export const loginHandler: AppRouteHandler<typeof login> = async (c) => {
  const { email, password } = c.req.valid("json");
  const db = database(c.env.DB);
  const now = Date.now();
  await assertLoginAllowed(db, email, now);
  const user = await db.select().from(users).where(eq(users.email, email)).get();
  // Unknown emails still pay for one PBKDF2 so timing does not reveal who has an account.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok) {
    await recordLoginFailure(db, email, now);
    throw new ApiError("unauthenticated", "Wrong email or password.");
  }
  await clearLoginFailures(db, email);
  const { sessionId, csrfToken } = await startSession(db, user.id);
  c.header("set-cookie", cookieFor(sessionId));
  return c.json({ user: userView(user), csrfToken }, 200);
};

export const logoutHandler: AppRouteHandler<typeof logout> = async (c) => {
  await endSession(database(c.env.DB), c.var.user.sessionIdHash);
  c.header("set-cookie", sessionCookie("", 0));
  return c.body(null, 204);
};

export const meHandler: AppRouteHandler<typeof me> = async (c) => {
  const { csrfToken, ...user } = c.var.user;
  return c.json({ user: userView(user), csrfToken }, 200);
};
