import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { call, signUp } from "../helpers/api";

describe("recipient accounts", () => {
  it("signs up with a session cookie that is HttpOnly, Secure and SameSite, and a CSRF token", async ({ expect }) => {
    const res = await call("/api/auth/signup", { body: { email: "Ada@Example.com", password: "correct horse battery" } });
    expect(res.status).toBe(201);
    expect(res.json.user.email).toBe("ada@example.com");
    expect(res.json.csrfToken).toMatch(/^[\w-]{43}$/);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^__Host-payrelay_session=[\w-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Lax");
  });

  it("stores only hashes: neither the password nor the session id is in D1", async ({ expect }) => {
    const r = await signUp();
    const sessionId = r.cookie.split("=")[1]!;
    const dump = JSON.stringify([await env.DB.prepare("SELECT * FROM users").all(), await env.DB.prepare("SELECT * FROM sessions").all()]);
    expect(dump).not.toContain("correct horse battery");
    expect(dump).not.toContain(sessionId);
    expect(dump).toContain("pbkdf2-sha256$100000$");
  });

  it("refuses a taken email (409), a short password and a bad email (400 with field paths)", async ({ expect }) => {
    const r = await signUp();
    expect((await call("/api/auth/signup", { body: { email: r.email, password: "another long password" } })).json.code).toBe("conflict");
    const bad = await call("/api/auth/signup", { body: { email: "nope", password: "short" } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect(bad.json.code).toBe("validation_failed");
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(["email", "password"]);
  });

  it("logs in, answers /api/me, and logs out for real (the old cookie stops working)", async ({ expect }) => {
    const r = await signUp();
    const login = await call("/api/auth/login", { body: { email: r.email, password: "correct horse battery" } });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const me = await call("/api/me", { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.json.user.email).toBe(r.email);
    expect(me.json.csrfToken).toBe(login.json.csrfToken);

    expect((await call("/api/auth/logout", { method: "POST", headers: { cookie } })).json.code).toBe("csrf_failed");
    const out = await call("/api/auth/logout", { method: "POST", headers: { cookie, "x-csrf-token": login.json.csrfToken } });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0");
    expect((await call("/api/me", { headers: { cookie } })).status).toBe(401);
    // The other session (from signup) is untouched.
    expect((await call("/api/me", { headers: { cookie: r.cookie } })).status).toBe(200);
  });

  it("answers 401 for a wrong password and an unknown email alike", async ({ expect }) => {
    const r = await signUp();
    const wrong = await call("/api/auth/login", { body: { email: r.email, password: "wrong password here" } });
    const unknown = await call("/api/auth/login", { body: { email: "nobody@example.com", password: "wrong password here" } });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.json.detail).toBe(unknown.json.detail);
  });

  it("slows down repeated failed logins with 429 and Retry-After, even for the right password", async ({ expect }) => {
    const r = await signUp();
    for (let i = 0; i < 5; i++) {
      expect((await call("/api/auth/login", { body: { email: r.email, password: "wrong password here" } })).status).toBe(401);
    }
    const blocked = await call("/api/auth/login", { body: { email: r.email, password: "correct horse battery" } });
    expect(blocked.status).toBe(429);
    expect(blocked.json.code).toBe("rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThanOrEqual(29);
  });

  it("treats an expired session as signed out", async ({ expect }) => {
    const r = await signUp();
    await env.DB.prepare("UPDATE sessions SET expires_at = ?")
      .bind(Date.now() - 1)
      .run();
    expect((await r.api("/api/me")).status).toBe(401);
  });

  it("rejects a forged cookie", async ({ expect }) => {
    expect((await call("/api/me", { headers: { cookie: "__Host-payrelay_session=forged" } })).json.code).toBe("unauthenticated");
  });
});
