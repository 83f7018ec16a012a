import { describe, it } from "vitest";
import { createPayrelayClient, PayrelayError, responseOf, verifyWebhook, WebhookVerificationError } from "../../sdk/src/index";
import { problemReply, scripted } from "./fake-server";

const body = { direction: "incoming" as const, amount: "1", currency: "USDC" };
const noWait = async () => {};

/** A fetch that fails as a dead host does (the platform's TypeError), `failures` times, then answers from `then`. */
function flaky(failures: number, then: Response[]) {
  const server = scripted(then);
  let left = failures;
  const sent: Request[] = [];
  return {
    sent,
    fetch: async (request: Request) => {
      sent.push(request);
      if (left-- > 0) throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:1") });
      return server.fetch(request);
    },
  };
}

describe("SDK failure paths", () => {
  it("a dead host is a PayrelayError network_error (not a bare TypeError), after its retries", async ({ expect }) => {
    const host = flaky(10, []);
    const payrelay = createPayrelayClient({ baseUrl: "https://down.test", secret: "prsk_x", fetch: host.fetch, sleep: noWait });
    const error = await payrelay.requests.get("req_1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayrelayError);
    expect(error).toMatchObject({ status: 0, code: "network_error", response: null, requestId: null });
    expect((error as PayrelayError).detail).toBe("Could not reach down.test: connect ECONNREFUSED 127.0.0.1:1");
    expect((error as PayrelayError).cause).toBeInstanceOf(TypeError);
    expect(host.sent).toHaveLength(4);
  });

  it("retries a create after a network error with the same Idempotency-Key, so it creates once", async ({ expect }) => {
    const host = flaky(2, [Response.json({ id: "req_1" }, { status: 201, headers: { "request-id": "rid_a" } })]);
    const payrelay = createPayrelayClient({ baseUrl: "https://p.test", secret: "prsk_x", fetch: host.fetch, sleep: noWait });
    const made = await payrelay.requests.create("dst_a", body);
    expect(made.id).toBe("req_1");
    const keys = host.sent.map((r) => r.headers.get("idempotency-key"));
    expect(new Set(keys).size).toBe(1);
    expect(responseOf(made)).toEqual({ status: 201, requestId: "rid_a", idempotencyKey: keys[0], replayed: false });
  });

  it("never resends a POST that has no Idempotency-Key after a network error", async ({ expect }) => {
    const host = flaky(1, [Response.json({ id: "whe_1" }, { status: 201 })]);
    const payrelay = createPayrelayClient({ baseUrl: "https://p.test", secret: "prsk_x", fetch: host.fetch, sleep: noWait });
    const error = await payrelay.webhookEndpoints.create({ url: "https://x.test/h" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "network_error" });
    expect(host.sent).toHaveLength(1);
  });

  it("a failed create's error carries the Idempotency-Key it used: retrying with it cannot create twice", async ({ expect }) => {
    const server = scripted([problemReply(500, "internal_error"), Response.json({ id: "req_1" }, { status: 201 })]);
    const payrelay = createPayrelayClient({ baseUrl: "https://p.test", secret: "prsk_x", fetch: server.fetch, sleep: noWait });
    const error = (await payrelay.requests.create("dst_a", body).catch((e: unknown) => e)) as PayrelayError;
    expect(error.code).toBe("internal_error");
    expect(error.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    await payrelay.requests.create("dst_a", body, { idempotencyKey: error.idempotencyKey! });
    expect(server.requests[1]!.headers.get("idempotency-key")).toBe(error.idempotencyKey);
  });

  it("times out a try that gets no answer (timeoutMs), as code timeout", async ({ expect }) => {
    const hanging = (request: Request) =>
      new Promise<Response>((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));
    const payrelay = createPayrelayClient({
      baseUrl: "https://slow.test",
      secret: "prsk_x",
      fetch: hanging,
      timeoutMs: 50,
      retry: { maxAttempts: 2 },
      sleep: noWait,
    });
    const started = Date.now();
    const error = await payrelay.requests.get("req_1").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "timeout", status: 0 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("exposes Idempotent-Replayed and the Request-Id of an answer", async ({ expect }) => {
    const server = scripted([
      Response.json({ id: "req_1" }, { status: 201, headers: { "idempotent-replayed": "true", "request-id": "rid_b" } }),
    ]);
    const payrelay = createPayrelayClient({ baseUrl: "https://p.test", secret: "prsk_x", fetch: server.fetch });
    const made = await payrelay.requests.create("dst_a", body, { idempotencyKey: "order-1042" });
    expect(responseOf(made)).toEqual({ status: 201, requestId: "rid_b", idempotencyKey: "order-1042", replayed: true });
  });

  it("a problem's Request-Id is on the error", async ({ expect }) => {
    const server = scripted([problemReply(404, "not_found", { "request-id": "rid_c" })]);
    const payrelay = createPayrelayClient({ baseUrl: "https://p.test", secret: "prsk_x", fetch: server.fetch });
    expect(await payrelay.requests.get("req_x").catch((e: PayrelayError) => e.requestId)).toBe("rid_c");
  });

  it("events.list resumes from a stored cursor and ends when caught up, leaving the cursor to store", async ({ expect }) => {
    const event = (id: string) => ({
      id,
      type: "request.created",
      createdAt: "t",
      sequence: 1,
      actor: { type: "system" },
      data: { object: {} },
    });
    const server = scripted([
      Response.json({ data: [event("evt_1")], nextCursor: "c1", hasMore: true }),
      Response.json({ data: [event("evt_2")], nextCursor: "c2", hasMore: false }),
    ]);
    const payrelay = createPayrelayClient({ baseUrl: "https://p.test", secret: "prsk_x", fetch: server.fetch });
    const feed = payrelay.events.list({ cursor: "c0", type: "request.created" });
    const ids: string[] = [];
    for await (const e of feed) ids.push(e.id);
    expect(ids).toEqual(["evt_1", "evt_2"]);
    expect(feed.cursor).toBe("c2");
    expect(server.requests.map((r) => new URL(r.url).search)).toEqual([
      "?cursor=c0&type=request.created",
      "?cursor=c1&type=request.created",
    ]);
  });

  it("verifyWebhook names a malformed whsec_ secret instead of a base64 library's words", async ({ expect }) => {
    for (const bad of ["whsec_not*base64!", "prsk_abc", "whsec_"]) {
      const error = (() => {
        try {
          verifyWebhook(bad, "{}", {});
        } catch (e) {
          return e as Error;
        }
      })();
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect(error!.message).toMatch(/^The webhook secret is malformed/);
    }
  });
});
