import { describe, it } from "vitest";
import { incoming, newClient } from "../helpers/api";
import { harness } from "../helpers/harness";

async function setup() {
  const h = await harness();
  const create = async (extra: Record<string, unknown>) => (await h.create(incoming(extra))).json as { id: string; createdAt: string };
  const ids = async (query: string) =>
    ((await h.shop.orchestrator(`/v1/requests?${query}`)).json.data as { id: string }[]).map((r) => r.id);
  return { ...h, create, ids };
}

describe("GET /v1/requests finds a request by what the orchestrator knows", () => {
  it("filters by exact reference (spaces and - allowed), metadata[key]=value, and creation time", async ({ expect }) => {
    const { create, ids } = await setup();
    const a = await create({ reference: "ORDER 1042", metadata: { orderId: "1042", shop: "eu" } });
    const b = await create({ reference: "ORDER-1043", metadata: { orderId: "1043", shop: "eu" } });
    const c = await create({ reference: "ORDER 1044" });
    expect(await ids("reference=ORDER%201042")).toEqual([a.id]);
    expect(await ids("reference=ORDER-1043")).toEqual([b.id]);
    expect(await ids("reference=ORDER%209999")).toEqual([]);
    expect(await ids("metadata[orderId]=1043")).toEqual([b.id]);
    expect(await ids("metadata[shop]=eu")).toEqual([b.id, a.id]);
    expect(await ids("metadata[shop]=eu&metadata[orderId]=1042")).toEqual([a.id]);
    expect(await ids(`createdAfter=${encodeURIComponent(a.createdAt)}`)).toEqual([c.id, b.id]);
    expect(await ids(`createdBefore=${encodeURIComponent(c.createdAt)}`)).toEqual([b.id, a.id]);
    expect(await ids(`createdAfter=${encodeURIComponent(a.createdAt)}&createdBefore=${encodeURIComponent(c.createdAt)}`)).toEqual([b.id]);
  });

  it("pages a filtered list with its cursor", async ({ expect }) => {
    const { create, shop } = await setup();
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await create({ metadata: { batch: "7" } }));
    await create({ metadata: { batch: "8" } });
    const first = (await shop.orchestrator("/v1/requests?metadata[batch]=7&limit=2")).json;
    const second = (await shop.orchestrator(`/v1/requests?metadata[batch]=7&limit=2&cursor=${first.nextCursor}`)).json;
    expect([...first.data, ...second.data].map((r: { id: string }) => r.id)).toEqual(made.map((r) => r.id).reverse());
    expect(second.nextCursor).toBeNull();
  });

  it("refuses bad filters with 400 naming them", async ({ expect }) => {
    const { shop } = await setup();
    const cases: [string, string][] = [
      ["reference=ORDER_1042", "reference"],
      ["createdAfter=yesterday", "createdAfter"],
      [`metadata[${"k".repeat(41)}]=1`, `metadata[${"k".repeat(41)}]`],
      [`metadata[a]=${"v".repeat(501)}`, "metadata[a]"],
      [["a", "b", "c", "d", "e", "f"].map((k) => `metadata[${k}]=1`).join("&"), "metadata"],
    ];
    for (const [query, path] of cases) {
      const res = await shop.orchestrator(`/v1/requests?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.json.errors[0].path, query).toBe(path);
    }
  });
});

describe("GET /v1/requests/{id}/payment-links", () => {
  it("lists a request's links newest first, without their URLs; another client's request is 404", async ({ expect }) => {
    const { r, dst, shop, create } = await setup();
    const req = await create({});
    const one = (await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { method: "POST" })).json;
    const two = (await shop.orchestrator(`/v1/requests/${req.id}/payment-links`, { body: { expiresInSeconds: 60 } })).json;
    const res = await shop.orchestrator(`/v1/requests/${req.id}/payment-links`);
    expect(res.status).toBe(200);
    expect(res.json.data.map((l: { id: string }) => l.id)).toEqual([two.id, one.id]);
    expect(res.json.data[0]).toEqual({
      id: two.id,
      createdAt: expect.any(String),
      expiresAt: two.expiresAt,
      createdBy: { type: "client", clientId: shop.id },
      status: "active",
    });
    expect(res.text).not.toContain("/pay/");
    const other = await newClient(r, dst, "Other");
    expect((await other.orchestrator(`/v1/requests/${req.id}/payment-links`)).status).toBe(404);
    const reader = await newClient(r, dst, "Reader", ["incoming:reader"]);
    expect((await reader.orchestrator(`/v1/requests/${req.id}/payment-links`)).json.data).toHaveLength(2);
  });
});
