import { describe, it } from "vitest";
import { call, claimedDestination, incoming, newClient, signUp } from "../helpers/api";
import { limitedClient, payout } from "../limits/helpers";
import { agent, callTool } from "./helpers";

// Every /v1 rule, reached through a tool: a refusal is an isError result whose structuredContent is the problem.

describe("MCP refusals are the /v1 problems", () => {
  it("a revoked client creates nothing (client_revoked) and still reads and cancels what it made", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const { id, secret } = await newClient(r, dst, "Agent");
    const client = await agent(secret);
    const before = await callTool(client, "create_request", { destinationId: dst, ...incoming() });
    expect((await r.api(`/api/destinations/${dst}/clients/${id}/revoke`, { method: "POST" })).status).toBe(200);

    const refused = await callTool(client, "create_request", { destinationId: dst, ...incoming({ reference: "INV 2" }) });
    expect(refused).toMatchObject({ isError: true, data: { status: 403, code: "client_revoked" } });
    expect(refused.text).toMatch(/^client_revoked: .*revoked/);
    const link = await callTool(client, "create_payment_link", { requestId: before.data.id });
    expect(link.data.code).toBe("client_revoked");
    expect((await callTool(client, "get_request", { requestId: before.data.id })).data.id).toBe(before.data.id);
    expect((await callTool(client, "cancel_request", { requestId: before.data.id })).data.status).toBe("cancelled");
    // Nothing was admitted after the revoke: the recipient sees the one request.
    expect((await r.api(`/api/destinations/${dst}/requests`)).json.data).toHaveLength(1);
  });

  it("a budget-limited agent is refused allowance_exceeded, and get_client shows why", async ({ expect }) => {
    const t = await limitedClient({ outgoingBudget: { amount: "15.00", currency: "USD" } });
    const client = await agent(t.client.secret);
    expect((await callTool(client, "create_request", { destinationId: t.dst, ...payout("10.00") })).data.status).toBe("pending_approval");
    const refused = await callTool(client, "create_request", { destinationId: t.dst, ...payout("10.00") });
    expect(refused).toMatchObject({ isError: true, data: { status: 403, code: "allowance_exceeded" } });
    expect(refused.data.detail).toContain("5.00 USD left");
    expect((await callTool(client, "get_client")).data).toMatchObject({ spent: "10.00", remaining: "5.00" });
  });

  it("a reader cannot create (permission_denied) but reads", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const shop = await newClient(r, dst, "Shop");
    const made = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json;
    const reader = await agent((await newClient(r, dst, "Auditor", ["incoming:reader"])).secret);
    const refused = await callTool(reader, "create_request", { destinationId: dst, ...incoming() });
    expect(refused).toMatchObject({ isError: true, data: { status: 403, code: "permission_denied" } });
    expect(refused.data.detail).toContain("incoming:creator");
    expect((await callTool(reader, "get_request", { requestId: made.id })).data.id).toBe(made.id);
    // Reading is not making links for another client's request.
    expect((await callTool(reader, "create_payment_link", { requestId: made.id })).data.code).toBe("permission_denied");
  });

  it("admits exactly 10 of 25 concurrent create_request calls against a budget of 10 × 10.00, as over REST", async ({ expect }) => {
    const t = await limitedClient({ outgoingBudget: { amount: "100.00", currency: "USD" } });
    const client = await agent(t.client.secret);
    const results = await Promise.all(
      Array.from({ length: 25 }, () => callTool(client, "create_request", { destinationId: t.dst, ...payout("10.00") })),
    );
    expect(results.filter((x) => !x.isError)).toHaveLength(10);
    expect(results.filter((x) => x.isError).map((x) => x.data.code)).toEqual(Array(15).fill("allowance_exceeded"));
    expect(await t.view()).toMatchObject({ spent: "100.00", remaining: "0.00" });
    expect((await t.r.api(`/api/destinations/${t.dst}/requests?limit=100`)).json.data).toHaveLength(10);
  });

  it("refuses bad arguments with the route's field messages, and another tenant's objects as not found", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const client = await agent((await newClient(r, dst)).secret);
    const bad = await callTool(client, "create_request", { destinationId: dst, ...incoming({ amount: 12.5, extra: true }) });
    expect(bad).toMatchObject({ isError: true, data: { status: 400, code: "validation_failed" } });
    expect(bad.data.errors.map((e: { path: string }) => e.path).sort()).toEqual(["amount", "extra"]);
    const rest = await call(`/v1/destinations/${dst}/requests`, {
      body: { ...incoming({ amount: 12.5, extra: true }) },
      headers: { authorization: `Bearer ${(await newClient(r, dst, "Other")).secret}` },
    });
    expect(bad.data.errors).toEqual(rest.json.errors);

    const other = await signUp();
    const { id: otherDst } = await claimedDestination(other);
    const otherClient = await newClient(other, otherDst);
    const theirs = (await otherClient.orchestrator(`/v1/destinations/${otherDst}/requests`, { body: incoming() })).json;
    expect((await callTool(client, "create_request", { destinationId: otherDst, ...incoming() })).data.code).toBe("not_found");
    expect((await callTool(client, "get_request", { requestId: theirs.id })).data.code).toBe("not_found");
    expect((await callTool(client, "cancel_request", { requestId: theirs.id })).data.code).toBe("not_found");
  });

  it("applies the client's create rate (rate_limited)", async ({ expect }) => {
    const t = await limitedClient({ createsPerMinute: 2 });
    const client = await agent(t.client.secret);
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await callTool(client, "create_request", { destinationId: t.dst, ...incoming() }));
    expect(results.map((x) => x.isError)).toEqual([false, false, true]);
    expect(results[2]!.data).toMatchObject({ status: 429, code: "rate_limited" });
  });
});
