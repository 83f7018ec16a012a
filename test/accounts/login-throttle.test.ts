import { describe, it } from "vitest";
import { call, signUp, testIp } from "../helpers/api";

const login = (email: string, password: string, ip: string) =>
  call("/api/auth/login", { body: { email, password }, headers: { "cf-connecting-ip": ip } });

describe("sign-in throttling", () => {
  it("gives 20 concurrent wrong guesses from one network exactly 5 password checks", async ({ expect }) => {
    const { email } = await signUp();
    const ip = testIp();
    const answers = await Promise.all(Array.from({ length: 20 }, () => login(email, "wrong password!!", ip)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const limited = answers.find((a) => a.status === 429)!;
    expect(limited.json.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit-policy")).toBe('"sign-in-attempts";q=5;w=86400');
    expect(limited.headers.get("ratelimit")).toMatch(/^"sign-in-attempts";r=0;t=\d+$/);
    // The right password from the guessing network waits too: the check is counted before it runs.
    expect((await login(email, "correct horse battery", ip)).status).toBe(429);
  });

  it("never locks the owner out from another network, and a success clears only its own count", async ({ expect }) => {
    const { email } = await signUp();
    const attacker = testIp();
    for (let i = 0; i < 6; i++) await login(email, "wrong password!!", attacker);
    expect((await login(email, "wrong password!!", attacker)).status).toBe(429);
    const owner = testIp();
    expect((await login(email, "correct horse battery", owner)).status).toBe(200);
    expect((await login(email, "correct horse battery", attacker)).status).toBe(429);
  });

  it("limits sign-ups per network (Workers Rate Limiting binding)", async ({ expect }) => {
    const ip = testIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await call("/api/auth/signup", {
        body: { email: `flood${i}-${ip}@example.com`, password: "correct horse battery" },
        headers: { "cf-connecting-ip": ip },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Every 429 says when to come back and which policy it hit.
    const limited = await call("/api/auth/signup", {
      body: { email: `flood-last-${ip}@example.com`, password: "correct horse battery" },
      headers: { "cf-connecting-ip": ip },
    });
    expect([limited.json.code, limited.headers.get("retry-after")]).toEqual(["rate_limited", "60"]);
    expect(limited.headers.get("ratelimit-policy")).toBe('"sign-ups";q=10;w=60');
  });
});
