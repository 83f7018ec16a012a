import { describe, it } from "vitest";
import { createPayrelayClient, PayrelayError } from "../../sdk/src/index";
import { problemReply, scripted } from "./fake-server";

const request = (id: string) => ({ id, direction: "incoming", amount: "1.000000", currency: "USDC", status: "pending" });
const client = (replies: Response[], extra: Partial<Parameters<typeof createPayrelayClient>[0]> = {}) => {
  const server = scripted(replies);
  return { server, payrelay: createPayrelayClient({ baseUrl: "https://p.test/", secret: "prsk_secret", fetch: server.fetch, ...extra }) };
};

describe("SDK calls", () => {
  it("sends the secret as a bearer token, and a fresh Idempotency-Key on each create", async ({ expect }) => {
    const { server, payrelay } = client([
      Response.json(request("req_1"), { status: 201 }),
      Response.json(request("req_2"), { status: 201 }),
    ]);
    const body = { direction: "incoming" as const, amount: "1", currency: "USDC" };
    expect((await payrelay.requests.create("dst_a", body)).id).toBe("req_1");
    await payrelay.requests.create("dst_a", body);
    const [a, b] = server.requests;
    expect(a!.url).toBe("https://p.test/v1/destinations/dst_a/requests");
    expect(a!.headers.get("authorization")).toBe("Bearer prsk_secret");
    expect(a!.headers.get("content-type")).toBe("application/json");
    expect(a!.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(b!.headers.get("idempotency-key")).not.toBe(a!.headers.get("idempotency-key"));
  });

  it("uses the caller's Idempotency-Key when given, per call or as a generator, and none on other POSTs", async ({ expect }) => {
    const { server, payrelay } = client(
      [
        Response.json(request("req_1"), { status: 201 }),
        Response.json({ id: "lnk_1", url: "u", expiresAt: "t" }, { status: 201 }),
        Response.json(request("req_1")),
      ],
      { idempotencyKey: () => "from-generator" },
    );
    await payrelay.requests.create("dst_a", { direction: "incoming", amount: "1", currency: "USDC" }, { idempotencyKey: "order-1042" });
    await payrelay.paymentLinks.create("req_1");
    await payrelay.requests.cancel("req_1");
    expect(server.requests.map((r) => r.headers.get("idempotency-key"))).toEqual(["order-1042", "from-generator", null]);
    expect(server.requests[1]!.url).toBe("https://p.test/v1/requests/req_1/payment-links");
  });

  it("throws problem+json as a PayrelayError carrying the code, detail and field errors", async ({ expect }) => {
    const invalid = new Response(
      JSON.stringify({
        type: "/docs#problem-validation_failed",
        title: "t",
        status: 400,
        detail: "amount is invalid",
        code: "validation_failed",
        errors: [{ path: "amount", message: "Enter an amount" }],
      }),
      { status: 400, headers: { "content-type": "application/problem+json" } },
    );
    const { payrelay } = client([invalid, problemReply(403, "client_revoked")]);
    const err = await payrelay.requests.create("dst_a", { direction: "incoming", amount: "x", currency: "USDC" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PayrelayError);
    const e = err as PayrelayError;
    expect([e.status, e.code, e.detail]).toEqual([400, "validation_failed", "amount is invalid"]);
    expect(e.errors).toEqual([{ path: "amount", message: "Enter an amount" }]);
    const revoked = (await payrelay.requests.get("req_1").catch((x: unknown) => x)) as PayrelayError;
    expect(revoked.code).toBe("client_revoked");
    expect(revoked.message).toContain("403 client_revoked");
  });

  it("reports an answer that is not problem+json as unexpected_response, with its status and start", async ({ expect }) => {
    const { payrelay } = client([new Response("<html>Bad gateway</html>", { status: 502 })]);
    const err = (await payrelay.requests.get("req_1").catch((e: unknown) => e)) as PayrelayError;
    expect(err).toBeInstanceOf(PayrelayError);
    expect([err.status, err.code, err.problem]).toEqual([502, "unexpected_response", null]);
    expect(err.detail).toContain("Bad gateway");
  });

  it("walks every page as an async iterator, passing nextCursor on, and stops fetching on break", async ({ expect }) => {
    const pages = [
      { data: [request("req_5"), request("req_4")], nextCursor: "c1" },
      { data: [request("req_3"), request("req_2")], nextCursor: "c2" },
      { data: [request("req_1")], nextCursor: null },
    ];
    const { server, payrelay } = client(pages.map((p) => Response.json(p)));
    const ids: string[] = [];
    for await (const r of payrelay.requests.list({ direction: "incoming", limit: 2 })) ids.push(r.id);
    expect(ids).toEqual(["req_5", "req_4", "req_3", "req_2", "req_1"]);
    expect(server.requests.map((r) => new URL(r.url).search)).toEqual([
      "?direction=incoming&limit=2",
      "?direction=incoming&limit=2&cursor=c1",
      "?direction=incoming&limit=2&cursor=c2",
    ]);

    const again = client(pages.map((p) => Response.json(p)));
    for await (const r of again.payrelay.requests.list()) if (r.id === "req_4") break;
    expect(again.server.requests).toHaveLength(1);
  });
});
