import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { describe, it } from "vitest";
import worker from "../../src/index";
import { call, signUp, testIp } from "../helpers/api";

const count = async (table: string) => ((await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first()) as { n: number }).n;

describe("the cron trigger's purge", () => {
  it("forgets expired sessions and sign-in counters quiet for a day, and keeps live ones", async ({ expect }) => {
    const live = await signUp();
    const old = await signUp();
    await call("/api/auth/login", { body: { email: live.email, password: "wrong password!!" }, headers: { "cf-connecting-ip": testIp() } });
    const dayAndHour = 25 * 60 * 60 * 1000;
    await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE user_id = ?")
      .bind(Date.now() - 1, old.user.id)
      .run();
    await env.DB.prepare("INSERT INTO login_attempts (key, attempts, last_attempt_at) VALUES ('stale', 3, ?)")
      .bind(Date.now() - dayAndHour)
      .run();
    const [sessions, attempts] = [await count("sessions"), await count("login_attempts")];

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "17 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);

    expect(await count("sessions")).toBe(sessions - 1);
    expect(await count("login_attempts")).toBe(attempts - 1);
    expect((await live.api("/api/me")).status).toBe(200);
    expect((await old.api("/api/me")).status).toBe(401);
  });
});
