import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { describe, it } from "vitest";
import worker from "../../src/index";
import { call, signUp, testIp } from "../helpers/api";

// D1 is shared with the other test files (vitest.config.ts): counts are of rows any test made, live or lapsed.
const count = async (sql: string, ...params: unknown[]) =>
  (
    (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${sql}`)
      .bind(...params)
      .first()) as { n: number }
  ).n;

describe("the cron trigger's purge", () => {
  it("forgets expired sessions and sign-in counters quiet for a day, and keeps live ones", async ({ expect }) => {
    const live = await signUp();
    const old = await signUp();
    await call("/api/auth/login", { body: { email: live.email, password: "wrong password!!" }, headers: { "cf-connecting-ip": testIp() } });
    const hour = 60 * 60 * 1000;
    const dayAndHour = 25 * hour;
    await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE user_id = ?")
      .bind(Date.now() - 1, old.user.id)
      .run();
    await env.DB.prepare("INSERT INTO login_attempts (key, attempts, last_attempt_at) VALUES ('stale', 3, ?)")
      .bind(Date.now() - dayAndHour)
      .run();
    const now = Date.now();
    const liveSessions = await count("sessions WHERE expires_at > ?", now);
    const freshAttempts = await count("login_attempts WHERE last_attempt_at > ?", now - hour);
    expect(await count("sessions WHERE user_id = ?", old.user.id)).toBe(1);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: "17 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);

    // Every expired session and every counter quiet for a day is gone; every live one is still there.
    expect(await count("sessions WHERE expires_at <= ?", now)).toBe(0);
    expect(await count("sessions WHERE user_id = ?", old.user.id)).toBe(0);
    expect(await count("sessions WHERE expires_at > ?", now)).toBe(liveSessions);
    expect(await count("login_attempts WHERE key = 'stale'")).toBe(0);
    expect(freshAttempts).toBeGreaterThan(0);
    expect(await count("login_attempts WHERE last_attempt_at > ?", now - hour)).toBe(freshAttempts);
    expect((await live.api("/api/me")).status).toBe(200);
    expect((await old.api("/api/me")).status).toBe(401);
  });
});
