import { describe, it } from "vitest";
import { call, incoming } from "../helpers/api";
import { agent, callTool } from "./helpers";
import { harness } from "../helpers/harness";

const TOOLS = ["cancel_request", "create_payment_link", "create_request", "get_client", "get_request", "list_events", "list_requests"];

async function setup(permissions?: string[]) {
  const h = await harness({ clientName: "Agent", ...(permissions ? { permissions } : {}) });
  const rest = (path: string, init: { method?: string; body?: unknown } = {}) =>
    call(path, { ...init, headers: { authorization: `Bearer ${h.shop.secret}` } });
  return { ...h, id: h.shop.id, secret: h.shop.secret, rest, client: await agent(h.shop.secret) };
}

describe("MCP: an agent through the official SDK client", () => {
  it("lists the seven tools, creates a request, links it and reads it back exactly as /v1 shows it", async ({ expect }) => {
    const { dst, id: clientId, client, rest } = await setup();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
    for (const t of tools) expect(t.description?.length).toBeGreaterThan(100);

    const created = await callTool(client, "create_request", { destinationId: dst, idempotencyKey: "order-1", ...incoming() });
    expect(created.isError).toBe(false);
    expect(created.data).toMatchObject({ destinationId: dst, amount: "12.500000", currency: "USDC", status: "pending" });
    // createdBy is the client, as for a /v1 create: the agent is that client.
    expect(created.data.createdBy).toEqual({ type: "client", clientId, clientName: "Agent" });
    expect(JSON.parse(created.text)).toEqual(created.data);

    const link = await callTool(client, "create_payment_link", { requestId: created.data.id, expiresInSeconds: 3600 });
    expect(link.isError).toBe(false);
    expect(link.data.url).toMatch(/^https:\/\/payrelay\.test\/pay\/[A-Za-z0-9_-]+$/);
    const page = await call(`/api/public/payment-links/${link.data.url.split("/pay/")[1]}`);
    expect(page.json).toMatchObject({ amount: "12.500000", currency: "USDC", status: "pending" });

    const read = await callTool(client, "get_request", { requestId: created.data.id });
    expect(read.data).toEqual((await rest(`/v1/requests/${created.data.id}`)).json);
    const list = await callTool(client, "list_requests", { direction: "incoming" });
    expect(list.data).toEqual((await rest("/v1/requests?direction=incoming")).json);
    expect(list.data.data.map((x: { id: string }) => x.id)).toEqual([created.data.id]);
  });

  it("replays a create with the same idempotencyKey, refuses the key with other arguments, and shares keys with /v1", async ({
    expect,
  }) => {
    const { dst, client, rest } = await setup();
    const args = { destinationId: dst, idempotencyKey: "order-7", ...incoming() };
    const first = await callTool(client, "create_request", args);
    const again = await callTool(client, "create_request", args);
    expect(again.data).toEqual(first.data);
    const other = await callTool(client, "create_request", { ...args, amount: "13.00" });
    expect(other).toMatchObject({ isError: true, data: { status: 409, code: "idempotency_conflict" } });
    expect(other.text).toMatch(/^idempotency_conflict: /);
    expect((await rest("/v1/requests")).json.data).toHaveLength(1);
  });

  it("cancels, lists events and describes the client as /v1 does", async ({ expect }) => {
    const { r, dst, id: clientId, client, rest } = await setup();
    const created = await callTool(client, "create_request", { destinationId: dst, ...incoming() });
    const cancelled = await callTool(client, "cancel_request", { requestId: created.data.id, reason: "Customer left" });
    expect(cancelled.data).toMatchObject({ id: created.data.id, status: "cancelled" });
    // Repeating it answers the cancelled request; a link for it is invalid now.
    expect((await callTool(client, "cancel_request", { requestId: created.data.id })).data.status).toBe("cancelled");
    const link = await callTool(client, "create_payment_link", { requestId: created.data.id });
    expect(link).toMatchObject({ isError: true, data: { code: "invalid_state" } });

    const events = await callTool(client, "list_events", {});
    expect(events.data).toEqual((await rest("/v1/events")).json);
    expect(events.data.data.map((e: { type: string }) => e.type)).toEqual(["request.created", "request.cancelled"]);

    // People see that the agent acted through MCP: on the request's timeline and in the recipient's audit log.
    const timeline = (await rest(`/v1/requests/${created.data.id}/events`)).json.data;
    expect(timeline.at(-1)).toMatchObject({ type: "request.cancelled", actor: { type: "client", clientId, via: "mcp" } });
    // The create's own event too, on the timeline and in the catch-up list the webhooks carry.
    expect(timeline[0]).toMatchObject({ type: "request.created", actor: { type: "client", clientId, via: "mcp" } });
    expect(events.data.data[0].actor).toEqual({ type: "client", clientId, via: "mcp" });
    const audit = (await r.api(`/api/destinations/${dst}/audit`)).json.data;
    expect(audit.find((e: { action: string }) => e.action === "request.cancelled").actor).toEqual({ type: "client", clientId, via: "mcp" });
    // The same cancel over /v1 carries no via.
    const other = (await rest(`/v1/destinations/${dst}/requests`, { body: incoming() })).json;
    await rest(`/v1/requests/${other.id}/cancel`, { method: "POST" });
    const otherTimeline = (await rest(`/v1/requests/${other.id}/events`)).json.data;
    expect(otherTimeline.map((e: { actor: unknown }) => e.actor)).toEqual([
      { type: "client", clientId },
      { type: "client", clientId },
    ]);

    const me = await callTool(client, "get_client");
    expect(me.data).toMatchObject({ id: clientId, name: "Agent", status: "active", permissions: ["incoming:creator", "outgoing:creator"] });
    expect(me.data).toEqual((await rest("/v1/client")).json);
    expect(JSON.stringify(me.data)).not.toMatch(/prsk_[0-9a-z]{16}_/);
  });
});
