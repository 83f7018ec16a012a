import { describe, it } from "vitest";
import { publicOrigin } from "../../src/lib/public-origin";

const env = (PUBLIC_ORIGIN: string) => ({ PUBLIC_ORIGIN }) as Env;

describe("the public origin of links and claim messages", () => {
  it("is PUBLIC_ORIGIN when set, whatever the request's host", ({ expect }) => {
    expect(publicOrigin(env("https://pay.example.com/"), "https://evil.example/v1/x")).toBe("https://pay.example.com");
  });

  it("falls back to the request's origin only for loopback hosts, else 503 not_configured", ({ expect }) => {
    expect(publicOrigin(env(""), "http://127.0.0.1:8787/v1/x")).toBe("http://127.0.0.1:8787");
    expect(publicOrigin(env(""), "http://localhost:8787/api")).toBe("http://localhost:8787");
    expect(publicOrigin(env(""), "http://[::1]:8787/api")).toBe("http://[::1]:8787");
    expect(() => publicOrigin(env(""), "https://evil.example/v1/x")).toThrowError(/PUBLIC_ORIGIN must be configured/);
    try {
      publicOrigin(env(""), "https://evil.example/");
    } catch (err) {
      expect(err).toMatchObject({ status: 503, code: "not_configured" });
    }
  });
});
