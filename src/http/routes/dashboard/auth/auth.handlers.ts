import { database } from "../../../../db/client";
import type { AppRouteHandler } from "../../../create-router";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "../../../../accounts/password";
import { ApiError } from "../../../../lib/problem";
import { clientIp } from "../../../../lib/client-ip";
import { createAccount, findAccount } from "../../../../accounts/accounts";
import { claimLoginAttempt, clearLoginAttempts } from "../../../../accounts/login-throttle";
import { SESSION_TTL_MS, endSession, sessionCookie, startSession, userView } from "../../../../accounts/sessions";
import type { login, logout, me, signup } from "./auth.routes";

const cookieFor = (sessionId: string) => sessionCookie(sessionId, SESSION_TTL_MS / 1000);

export const signupHandler: AppRouteHandler<typeof signup> = async (c) => {
  const { email, password } = c.req.valid("json");
  const db = database(c.env.DB);
  const user = await createAccount(db, email, password);
  const { sessionId, csrfToken } = await startSession(db, user.id);
  c.header("set-cookie", cookieFor(sessionId));
  c.header("location", "/api/me");
  return c.json({ user: userView(user), csrfToken }, 201);
};

export const loginHandler: AppRouteHandler<typeof login> = async (c) => {
  const { email, password } = c.req.valid("json");
  const db = database(c.env.DB);
  // Counted before the password is checked: a guess that is refused here never reaches PBKDF2.
  const attempt = await claimLoginAttempt(db, email, clientIp(c.req.header("cf-connecting-ip")), Date.now());
  const user = await findAccount(db, email);
  // Unknown emails still pay for one PBKDF2 so timing does not reveal who has an account.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok) throw new ApiError("unauthenticated", "Wrong email or password.");
  await clearLoginAttempts(db, attempt);
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
