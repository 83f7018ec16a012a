import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { DAI, call, claimedDestination, incoming, newClient, outgoing, signUp } from "../helpers/api";
import { testWallet } from "../helpers/wallet";
import { harness } from "../helpers/harness";

describe("orchestrator requests", () => {
  it("creates an incoming request tagged with its client, stored once in D1 as integer minor units", async ({ expect }) => {
    const { dst, shop } = await harness();
    const res = await shop.orchestrator(`/v1/destinations/${dst}/requests`, {
      body: incoming({ amount: "12.5", metadata: { order: "1042" } }),
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      destinationId: dst,
      direction: "incoming",
      amount: "12.500000",
      currency: "USDC",
      status: "pending",
      createdBy: { type: "client", clientId: shop.id, clientName: "Shop" },
      reference: "INV 1",
      metadata: { order: "1042" },
    });
    const row = await env.DB.prepare("SELECT amount_minor, created_by_client_id, metadata, payer FROM requests WHERE id = ?")
      .bind(res.json.id)
      .first();
    // JSON columns hold JSON text, and an absent party is SQL NULL (not the text "null").
    expect(row).toEqual({ amount_minor: "12500000", created_by_client_id: shop.id, metadata: '{"order":"1042"}', payer: null });
    // The detail view is the request plus its payments (none yet).
    expect((await shop.orchestrator(`/v1/requests/${res.json.id}`)).json).toEqual({ ...res.json, payments: [], refunds: [] });
  });

  it("keeps 18-decimal amounts exact (no float, no 64-bit overflow)", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r, testWallet(), DAI);
    const shop = await newClient(r, dst, "Shop");
    const res = await shop.orchestrator(`/v1/destinations/${dst}/requests`, {
      body: incoming({ amount: "123456789.123456789012345678", currency: "DAI" }),
    });
    expect(res.json.amount).toBe("123456789.123456789012345678");
  });

  it("creates outgoing requests to a UK bank account; payee is required for outgoing", async ({ expect }) => {
    const { dst, shop } = await harness();
    const ok = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: outgoing() });
    expect(ok.status).toBe(201);
    expect(ok.json.payee).toEqual({ name: "Ada", sortCode: "123456", accountNumber: "12345678" });
    const missing = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: outgoing({ payee: undefined }) });
    expect(missing.status).toBe(400);
    expect(missing.json.errors).toEqual([{ path: "payee", message: "Required for outgoing requests." }]);
  });

  it.for([
    [{ amount: "12.345", currency: "USD" }, "amount"],
    [{ amount: 12.5 }, "amount"],
    [{ amount: "1e3" }, "amount"],
    [{ amount: "-1" }, "amount"],
    [{ amount: "0" }, "amount"],
    [{ currency: "XXX" }, "currency"],
    [{ reference: "INV_1042" }, "reference"],
    [{ reference: "ORDER#1042" }, "reference"],
    [{ reference: "A".repeat(19) }, "reference"],
    [{ payer: { name: "B", sortCode: "12345", accountNumber: "12345678" } }, "payer.sortCode"],
    [{ payer: { name: "B", accountNumber: "12345678" } }, "payer.sortCode"],
    [{ payer: { name: "B", email: "not-an-email" } }, "payer.email"],
    [{ dueDate: "31/12/2026" }, "dueDate"],
    [{ direction: "sideways" }, "direction"],
    [{ surprise: true }, "surprise"],
  ] as const)("refuses %j with a 400 naming %s", async ([patch, path], { expect }) => {
    const { dst, shop } = await harness();
    const res = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming(patch) });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("validation_failed");
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM requests WHERE destination_id = ?").bind(dst).first())!.n).toBe(0);
  });

  it("enforces creator permissions per direction (403 permission_denied)", async ({ expect }) => {
    const { r, dst } = await harness();
    const inOnly = await newClient(r, dst, "In only", ["incoming:creator"]);
    expect((await inOnly.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).status).toBe(201);
    const denied = await inOnly.orchestrator(`/v1/destinations/${dst}/requests`, { body: outgoing() });
    expect(denied.status).toBe(403);
    expect(denied.json.code).toBe("permission_denied");
  });

  it("lists own requests; reader permissions widen a list and a get to the whole direction", async ({ expect }) => {
    const { r, dst, shop } = await harness();
    const other = await newClient(r, dst, "Other");
    const reader = await newClient(r, dst, "Reader", ["incoming:reader"]);
    const mine = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json;
    const theirsIn = (await other.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json;
    const theirsOut = (await other.orchestrator(`/v1/destinations/${dst}/requests`, { body: outgoing() })).json;
    const manual = (await r.api(`/api/destinations/${dst}/requests`, { body: incoming() })).json;

    expect((await shop.orchestrator("/v1/requests")).json.data.map((x: { id: string }) => x.id)).toEqual([mine.id]);
    expect((await shop.orchestrator(`/v1/requests/${theirsIn.id}`)).status).toBe(404);
    const readerSees = (await reader.orchestrator("/v1/requests")).json.data.map((x: { id: string }) => x.id);
    expect(readerSees).toEqual([manual.id, theirsIn.id, mine.id]);
    expect((await reader.orchestrator(`/v1/requests/${theirsIn.id}`)).status).toBe(200);
    expect((await reader.orchestrator(`/v1/requests/${theirsOut.id}`)).status).toBe(404);
    expect((await reader.orchestrator("/v1/requests?direction=outgoing")).json.data).toEqual([]);
  });

  it("paginates newest first with an opaque keyset cursor and filters", async ({ expect }) => {
    const { dst, shop } = await harness();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.unshift((await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json.id);
    await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: outgoing() });
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: { data: { id: string }[]; nextCursor: string | null } = (
        await shop.orchestrator(`/v1/requests?direction=incoming&limit=2${cursor ? `&cursor=${cursor}` : ""}`)
      ).json;
      seen.push(...page.data.map((x: { id: string }) => x.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(ids);
    expect((await shop.orchestrator("/v1/requests?status=paid")).json.data).toEqual([]);
    expect((await shop.orchestrator("/v1/requests?limit=0")).status).toBe(400);
    expect((await shop.orchestrator("/v1/requests?limit=101")).status).toBe(400);
    expect((await shop.orchestrator("/v1/requests?cursor=garbage")).json.code).toBe("validation_failed");
  });

  it("replays an Idempotency-Key with the same body and refuses it with another (409)", async ({ expect }) => {
    const { dst, shop } = await harness();
    const headers = { "idempotency-key": "order-1042" };
    const first = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming(), headers });
    const again = await shop.orchestrator(`/v1/destinations/${dst}/requests`, {
      body: { reference: "INV 1", currency: "USDC", amount: "12.50", direction: "incoming" },
      headers,
    });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const other = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming({ amount: "99.00" }), headers });
    expect(other.status).toBe(409);
    expect(other.json.code).toBe("idempotency_conflict");
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM requests WHERE destination_id = ?").bind(dst).first())!.n).toBe(1);
  });

  it("answers 401 for missing, malformed, unknown and wrong secrets", async ({ expect }) => {
    const { dst, shop } = await harness();
    const forged = shop.secret.slice(0, -4) + "zzzz";
    for (const authorization of [undefined, "Basic abc", "Bearer nope", `Bearer ${forged}`]) {
      const res = await call(`/v1/destinations/${dst}/requests`, { body: incoming(), headers: authorization ? { authorization } : {} });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.json.code).toBe("unauthenticated");
      expect(res.headers.get("www-authenticate")).toBe("Bearer");
      expect((await call("/v1/requests", { headers: authorization ? { authorization } : {} })).status).toBe(401);
    }
  });

  it("answers 404, never 403 or data, for another destination's or client's things", async ({ expect }) => {
    const a = await harness();
    const b = await harness();
    const bReq = (await b.shop.orchestrator(`/v1/destinations/${b.dst}/requests`, { body: incoming() })).json;
    const onB = await a.shop.orchestrator(`/v1/destinations/${b.dst}/requests`, { body: incoming() });
    expect(onB.status).toBe(404);
    expect((await a.shop.orchestrator(`/v1/requests/${bReq.id}`)).status).toBe(404);
    expect((await a.shop.orchestrator(`/v1/requests/${bReq.id}/payment-links`, { method: "POST" })).status).toBe(404);
    expect((await a.shop.orchestrator("/v1/requests")).json.data).toEqual([]);
    expect((await a.shop.orchestrator("/v1/requests/req_0000000000000000")).status).toBe(404);
  });
});
