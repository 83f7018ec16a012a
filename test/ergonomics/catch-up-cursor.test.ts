import { describe, it } from "vitest";
import { base62Checksum } from "../../src/clients/credentials/checksum";
import { call, incoming } from "../helpers/api";
import { harness } from "../helpers/harness";

describe("GET /v1/events resumes from a stored cursor", () => {
  it("gives nextCursor on the last page too; resuming from it later returns only newer events", async ({ expect }) => {
    const { shop, create } = await harness();
    await create(incoming({ reference: "A 1" }));
    await create(incoming({ reference: "A 2" }));
    const first = await shop.orchestrator("/v1/events");
    expect(first.status).toBe(200);
    expect(first.json.data.map((e: { type: string }) => e.type)).toEqual(["request.created", "request.created"]);
    expect(first.json.hasMore).toBe(false);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    // Caught up: the same cursor again is an empty page with a cursor, never null.
    const idle = await shop.orchestrator(`/v1/events?cursor=${first.json.nextCursor}`);
    expect(idle.json).toEqual({ data: [], nextCursor: expect.any(String), hasMore: false });
    const made = (await create(incoming({ reference: "A 3" }))).json;
    const later = await shop.orchestrator(`/v1/events?cursor=${idle.json.nextCursor}`);
    expect(later.json.data.map((e: { data: { object: { id: string } } }) => e.data.object.id)).toEqual([made.id]);
  });

  it("the cursor is opaque: a sequence number, garbage or another list's cursor is 400 naming cursor", async ({ expect }) => {
    const { shop, create } = await harness();
    await create(incoming({ reference: "B 1" }));
    const listCursor = (await shop.orchestrator("/v1/requests?limit=1")).json.nextCursor;
    for (const bad of ["abc", "1", listCursor ?? "x"]) {
      const res = await shop.orchestrator(`/v1/events?cursor=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(res.json.code).toBe("validation_failed");
      expect(res.json.errors[0].path).toBe("cursor");
    }
  });

  it("limit pages the events (1–100), and hasMore says to ask again now", async ({ expect }) => {
    const { shop, create } = await harness();
    for (const ref of ["C 1", "C 2", "C 3"]) await create(incoming({ reference: ref }));
    const one = await shop.orchestrator("/v1/events?limit=2");
    expect(one.json.data).toHaveLength(2);
    expect(one.json.hasMore).toBe(true);
    const two = await shop.orchestrator(`/v1/events?limit=2&cursor=${one.json.nextCursor}`);
    expect(two.json.data).toHaveLength(1);
    expect(two.json.hasMore).toBe(false);
    expect((await shop.orchestrator("/v1/events?limit=0")).status).toBe(400);
    expect((await shop.orchestrator("/v1/events?limit=101")).status).toBe(400);
  });
});

describe("unknown query parameters are refused, as unknown body fields are", () => {
  it("answers 400 validation_failed naming the parameter, on lists and on routes that take none", async ({ expect }) => {
    const { shop, r, dst } = await harness();
    const list = await shop.orchestrator("/v1/requests?expand=payments");
    expect(list.status).toBe(400);
    expect(list.json).toMatchObject({ code: "validation_failed", errors: [{ path: "expand" }] });
    expect(list.json.detail).toContain("expand");
    const events = await shop.orchestrator("/v1/events?expand=x");
    expect(events.json.errors[0].path).toBe("expand");
    const none = await shop.orchestrator("/v1/client?verbose=1");
    expect(none.status).toBe(400);
    expect(none.json.detail).toContain("verbose");
    expect((await r.api(`/api/destinations/${dst}/clients?foo=1`)).status).toBe(400);
  });

  it("a stranger still gets 401 first: the parameters are not its to learn", async ({ expect }) => {
    const res = await call("/v1/requests?expand=payments");
    expect(res.status).toBe(401);
  });
});

describe("every answer carries Request-Id; a 201 carries Location", () => {
  it("Request-Id on successes and problems, repeated as requestId in the problem body", async ({ expect }) => {
    const { shop } = await harness();
    const ok = await shop.orchestrator("/v1/client");
    expect(ok.headers.get("request-id")).toMatch(/^rid_[0-9a-z]{16}$/);
    const bad = await shop.orchestrator("/v1/requests/req_0000000000000000");
    expect(bad.status).toBe(404);
    expect(bad.json.requestId).toBe(bad.headers.get("request-id"));
    const other = await shop.orchestrator("/v1/client");
    expect(other.headers.get("request-id")).not.toBe(ok.headers.get("request-id"));
  });

  it("Location names the created request (and its link's URL)", async ({ expect }) => {
    const { shop, create } = await harness();
    const made = await create(incoming({ reference: "D 1" }));
    expect(made.headers.get("location")).toBe(`/v1/requests/${made.json.id}`);
    expect((await shop.orchestrator(made.headers.get("location")!)).status).toBe(200);
    const link = await shop.orchestrator(`/v1/requests/${made.json.id}/payment-links`, { method: "POST" });
    expect(link.headers.get("location")).toBe(link.json.url);
  });
});

/** The same secret with one character of its random part changed, and a checksum that matches again. */
function unknownButWellFormed(secret: string): string {
  const body = secret.slice(0, -6);
  const changed = body.slice(0, -1) + (body.endsWith("a") ? "b" : "a");
  return changed + base62Checksum(changed);
}

describe("a 401 says which credential problem it is", () => {
  const v1 = (authorization?: string) => call("/v1/client", { headers: authorization === undefined ? {} : { authorization } });

  it("no credentials, Basic, a webhook secret, a truncated secret and an unknown one each read differently", async ({ expect }) => {
    const { shop } = await harness();
    const answers = await Promise.all([
      v1(),
      v1("Basic dXNlcjpwYXNz"),
      v1("Bearer whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
      v1(`Bearer ${shop.secret.slice(0, -3)}`),
      v1("Bearer sk_live_123"),
      v1(`Bearer ${unknownButWellFormed(shop.secret)}`),
    ]);
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.json.code).toBe("unauthenticated");
    }
    const details = answers.map((a) => a.json.detail as string);
    expect(details[0]).toMatch(/^No credentials/);
    expect(details[1]).toMatch(/Basic scheme is not accepted/);
    expect(details[2]).toMatch(/webhook signing secret/);
    expect(details[3]).toMatch(/truncated or mistyped/);
    expect(details[4]).toMatch(/start with prsk_/);
    expect(details[5]).toMatch(/^Unknown client secret/);
    expect(new Set(details).size).toBe(details.length);
    expect(details.join(" ")).not.toContain(shop.secret.slice(5, 20));
  });
});
