import { env } from "cloudflare:workers";
import { createPayrelayClient } from "../../sdk/src/index";
import { describe, it } from "vitest";
import { agent, callTool } from "../mcp/helpers";
import { incoming, newClient } from "../helpers/api";
import { workerFetch } from "../helpers/worker";
import { harness } from "../helpers/harness";

/** Moneyhub's payment-claim fields (seed 001; API v1.2 "What the seeds still ask"): context, endToEndId, payerRef. */
const CLAIM = { context: "BillPayment", endToEndId: "INV-1042/2026 (a),'+?:.", payerRef: "ACME 1042" };

describe("payment-claim fields", () => {
  it("are stored and shown on a /v1 create, its detail view, its list row and in D1", async ({ expect }) => {
    const { dst, shop } = await harness({ permissions: ["incoming:creator"] });
    const created = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming(CLAIM) });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject(CLAIM);
    expect((await shop.orchestrator(`/v1/requests/${created.json.id}`)).json).toMatchObject(CLAIM);
    const row = await env.DB.prepare("SELECT context, end_to_end_id, payer_ref FROM requests WHERE id = ?").bind(created.json.id).first();
    expect(row).toEqual({ context: "BillPayment", end_to_end_id: CLAIM.endToEndId, payer_ref: "ACME 1042" });
  });

  it("are null when not given", async ({ expect }) => {
    const { dst, shop } = await harness({ permissions: ["incoming:creator"] });
    const created = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() });
    expect(created.json).toMatchObject({ context: null, endToEndId: null, payerRef: null });
  });

  it("come through the dashboard's create, marked manual", async ({ expect }) => {
    const { r, dst } = await harness({ permissions: ["incoming:creator"] });
    const made = await r.api(`/api/destinations/${dst}/requests`, { body: incoming({ context: "PartyToParty", payerRef: "RENT MAY" }) });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ context: "PartyToParty", endToEndId: null, payerRef: "RENT MAY", createdBy: { type: "manual" } });
  });

  it.for([
    [{ context: "Shopping" }, "context", "Choose one of: Other, BillPayment, PartyToParty."],
    [{ endToEndId: "" }, "endToEndId", "This field is required."],
    [{ endToEndId: "x".repeat(36) }, "endToEndId", "Use 1 to 35 letters, digits, spaces and - . / ? : ( ) , ' + (ISO 20022's characters)."],
    [{ endToEndId: "INV#1" }, "endToEndId", "Use 1 to 35 letters, digits, spaces and - . / ? : ( ) , ' + (ISO 20022's characters)."],
    [{ payerRef: "ACME-1042" }, "payerRef", "Use 1 to 18 letters, digits and spaces (what a UK payer's statement shows)."],
    [{ payerRef: "A".repeat(19) }, "payerRef", "Use 1 to 18 letters, digits and spaces (what a UK payer's statement shows)."],
  ] as const)("refuse %o with 400 naming the field, and create nothing", async ([extra, path, message], { expect }) => {
    const { dst, shop } = await harness({ permissions: ["incoming:creator"] });
    const res = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming(extra) });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json.code).toBe("validation_failed");
    expect(res.json.errors).toEqual([{ path, message }]);
    // Over /v1 the summary names the JSON field (an API client's words); the dashboard's names it in words.
    expect(res.json.detail).toBe(`Check this field: ${path}.`);
    const n = await env.DB.prepare("SELECT COUNT(*) AS n FROM requests WHERE destination_id = ?").bind(dst).first("n");
    expect(n).toBe(0);
  });

  it("filter lists by endToEndId, exactly, and never show another client's request for it", async ({ expect }) => {
    const { r, dst, shop } = await harness({ permissions: ["incoming:creator"] });
    const other = await newClient(r, dst, "Other", ["incoming:creator"]);
    const mine = await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming({ endToEndId: "E2E-1" }) });
    await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming({ endToEndId: "E2E-2" }) });
    const theirs = await other.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming({ endToEndId: "E2E-1" }) });

    const listed = await shop.orchestrator(`/v1/requests?endToEndId=E2E-1`);
    expect(listed.status).toBe(200);
    expect(listed.json.data.map((x: { id: string }) => x.id)).toEqual([mine.json.id]);
    expect((await shop.orchestrator(`/v1/requests?endToEndId=E2E`)).json.data).toEqual([]);
    // The recipient sees both requests carrying it, newest first.
    const dashboard = await r.api(`/api/destinations/${dst}/requests?endToEndId=E2E-1`);
    expect(dashboard.json.data.map((x: { id: string }) => x.id)).toEqual([theirs.json.id, mine.json.id]);
    const bad = await shop.orchestrator(`/v1/requests?endToEndId=${encodeURIComponent("a#b")}`);
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([{ path: "endToEndId", message: expect.stringContaining("Use 1 to 35") }]);
  });

  it("reach MCP's create_request and list_requests as the REST body does", async ({ expect }) => {
    const { dst, shop } = await harness({ permissions: ["incoming:creator"] });
    const client = await agent(shop.secret);
    const created = await callTool(client, "create_request", { destinationId: dst, ...incoming(CLAIM) });
    expect(created.isError).toBe(false);
    expect(created.data).toMatchObject(CLAIM);
    const listed = await callTool(client, "list_requests", { endToEndId: CLAIM.endToEndId });
    expect(listed.data.data.map((x: { id: string }) => x.id)).toEqual([created.data.id]);
    const refused = await callTool(client, "create_request", { destinationId: dst, ...incoming({ payerRef: "no-dashes" }) });
    expect(refused.isError).toBe(true);
  });

  it("go through the SDK: typed on create, and as the list's endToEndId filter", async ({ expect }) => {
    const { dst, shop } = await harness({ permissions: ["incoming:creator"] });
    const payrelay = createPayrelayClient({
      baseUrl: "https://payrelay.test",
      secret: shop.secret,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => workerFetch(new Request(input, init)),
    });
    const made = await payrelay.requests.create(dst, {
      direction: "incoming",
      amount: "3.00",
      currency: "USDC",
      ...CLAIM,
      context: "BillPayment",
    });
    expect(made).toMatchObject(CLAIM);
    const found = [];
    for await (const r of payrelay.requests.list({ endToEndId: CLAIM.endToEndId })) found.push(r.id);
    expect(found).toEqual([made.id]);
  });
});
