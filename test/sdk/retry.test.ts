import { describe, it } from "vitest";
import { createPayrelayClient, PayrelayError } from "../../sdk/src/index";
import { backoffMs, isRetryable } from "../../sdk/src/retry";
import { problemReply, scripted } from "./fake-server";

/** Runs in the Workers pool: the SDK's retry logic as it behaves on workerd, with a scripted fetch. */
describe("SDK retries", () => {
  it("waits the server's Retry-After after a 429, then sends the same request again", async ({ expect }) => {
    const server = scripted([problemReply(429, "rate_limited", { "retry-after": "2" }), Response.json({ id: "req_1" }, { status: 200 })]);
    const waits: number[] = [];
    const payrelay = createPayrelayClient({
      baseUrl: "https://p.test",
      secret: "prsk_x",
      fetch: server.fetch,
      sleep: async (ms) => void waits.push(ms),
    });
    const got = await payrelay.requests.get("req_1");
    expect(got.id).toBe("req_1");
    expect(waits).toEqual([2000]);
    expect(server.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "GET /v1/requests/req_1",
      "GET /v1/requests/req_1",
    ]);
  });

  it("retries a create after 503 with the same body and the same Idempotency-Key", async ({ expect }) => {
    const server = scripted([
      problemReply(503, "storage_unavailable"),
      problemReply(503, "storage_unavailable"),
      Response.json({ id: "req_9" }, { status: 201 }),
    ]);
    const waits: number[] = [];
    const payrelay = createPayrelayClient({
      baseUrl: "https://p.test",
      secret: "prsk_x",
      fetch: server.fetch,
      retry: { baseDelayMs: 100 },
      sleep: async (ms) => void waits.push(ms),
    });
    await payrelay.requests.create("dst_1", { direction: "incoming", amount: "1.00", currency: "USDC" });
    const keys = server.requests.map((r) => r.headers.get("idempotency-key"));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.bodies).toEqual(Array(3).fill('{"direction":"incoming","amount":"1.00","currency":"USDC"}'));
    // Exponential backoff with jitter: each wait within [ceiling/2, ceiling] of 100 ms, then 200 ms.
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it("gives up after maxAttempts and throws the last answer as a PayrelayError", async ({ expect }) => {
    const server = scripted(Array.from({ length: 5 }, () => problemReply(429, "rate_limited", { "retry-after": "1" })));
    const payrelay = createPayrelayClient({
      baseUrl: "https://p.test",
      secret: "prsk_x",
      fetch: server.fetch,
      retry: { maxAttempts: 3 },
      sleep: async () => {},
    });
    const err = await payrelay.requests.get("req_1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PayrelayError);
    expect((err as PayrelayError).code).toBe("rate_limited");
    expect((err as PayrelayError).retryAfterSeconds).toBe(1);
    expect(server.requests).toHaveLength(3);
  });

  it("never retries another 4xx, nor a Retry-After longer than maxDelayMs", async ({ expect }) => {
    for (const reply of [
      problemReply(400, "validation_failed"),
      problemReply(403, "client_revoked"),
      problemReply(409, "idempotency_conflict"),
      problemReply(429, "rate_limited", { "retry-after": "3600" }),
    ]) {
      const server = scripted([reply, Response.json({}, { status: 200 })]);
      const payrelay = createPayrelayClient({ baseUrl: "https://p.test", secret: "prsk_x", fetch: server.fetch, sleep: async () => {} });
      await expect(payrelay.requests.get("req_1")).rejects.toBeInstanceOf(PayrelayError);
      expect(server.requests, `${reply.status}`).toHaveLength(1);
    }
  });

  it("retries a 503 only when sending again cannot apply twice", ({ expect }) => {
    const post = (headers: Record<string, string> = {}) => new Request("https://p.test/v1/webhook-endpoints", { method: "POST", headers });
    expect(isRetryable(new Request("https://p.test/v1/requests"), 503)).toBe(true);
    expect(isRetryable(post({ "idempotency-key": "k" }), 503)).toBe(true);
    expect(isRetryable(post(), 503)).toBe(false);
    expect(isRetryable(post(), 429)).toBe(true);
    expect(isRetryable(post(), 500)).toBe(false);
  });

  it("reads Retry-After as seconds or as an HTTP date", ({ expect }) => {
    const policy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };
    const at = new Date(Date.now() + 5_000).toUTCString();
    expect(backoffMs(1, new Response(null, { status: 429, headers: { "retry-after": "7" } }), policy)).toBe(7000);
    const dated = backoffMs(1, new Response(null, { status: 429, headers: { "retry-after": at } }), policy);
    expect(dated).toBeGreaterThan(3000);
    expect(dated).toBeLessThanOrEqual(6000);
    expect(backoffMs(3, new Response(null, { status: 503 }), policy, () => 1)).toBe(2000);
  });
});
