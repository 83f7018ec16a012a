import { env } from "cloudflare:workers";
import { describe, it, vi } from "vitest";
import { MAX_BODY_BYTES } from "../../src/http/middleware/body-guard";
import { call, claimedDestination, incoming, newClient, signUp } from "../helpers/api";

describe("errors are problem+json, and bad input is never a 5xx", () => {
  it("answers unknown routes with a 404 problem (after authentication, under an authenticated prefix)", async ({ expect }) => {
    const res = await call("/api/nothing");
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toEqual({
      type: "/docs#problem-not_found",
      title: "Not found",
      status: 404,
      detail: "No route for GET /api/nothing.",
      code: "not_found",
      requestId: res.headers.get("request-id"),
    });
    expect((await call("/v1/nothing")).status).toBe(401);
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const shop = await newClient(r, dst);
    expect((await shop.orchestrator("/v1/nothing")).json.code).toBe("not_found");
    expect((await shop.orchestrator("/v1/requests", { method: "DELETE" })).status).toBe(404);
    expect((await r.api(`/api/destinations/${dst}/nothing`)).json.code).toBe("not_found");
  });

  it("answers malformed JSON (400), a non-JSON body (415) and an oversized body (413) before touching anything", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const shop = await newClient(r, dst);
    const path = `/v1/destinations/${dst}/requests`;
    const malformed = await shop.orchestrator(path, { body: '{"direction": "incoming",' });
    expect([malformed.status, malformed.json.code]).toEqual([400, "malformed_json"]);
    const form = await shop.orchestrator(path, { body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect([form.status, form.json.code]).toEqual([415, "unsupported_media_type"]);
    const huge = await shop.orchestrator(path, { body: incoming({ metadata: { k: "x".repeat(MAX_BODY_BYTES) } }) });
    expect([huge.status, huge.json.code]).toEqual([413, "payload_too_large"]);
    const invalidUtf8 = await shop.orchestrator(path, { body: '"\udc00"' });
    expect(invalidUtf8.status).toBeLessThan(500);
    expect((await shop.orchestrator("/v1/requests")).json.data).toEqual([]);
  });

  it("answers a JSON body that is not an object with 400, not 500", async ({ expect }) => {
    for (const body of ["null", "0", "[]", '"text"', "true"]) {
      const res = await call("/api/auth/signup", { body });
      expect(res.status, body).toBe(400);
    }
  });

  it("validates path ids (400) before looking anything up", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const shop = await newClient(r, dst);
    expect((await shop.orchestrator("/v1/requests/not-an-id")).json.code).toBe("validation_failed");
    expect((await r.api("/api/destinations/dst_UPPER")).json.errors[0].path).toBe("destinationId");
  });

  it("sets API security headers", async ({ expect }) => {
    const res = await call("/api/me");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("turns an unexpected failure into a 500 problem that leaks nothing, logged once", async ({ expect }) => {
    const r = await signUp();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await env.DB.exec("ALTER TABLE sessions RENAME TO sessions_offline");
    try {
      const res = await r.api("/api/me");
      expect(res.status).toBe(500);
      expect(res.json.code).toBe("internal_error");
      expect(res.text).not.toMatch(/sessions|SQL|at /);
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      await env.DB.exec("ALTER TABLE sessions_offline RENAME TO sessions");
      log.mockRestore();
    }
  });
});
