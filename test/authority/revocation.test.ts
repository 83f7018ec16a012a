import { describe, it } from "vitest";
import { call, claimedDestination, incoming, newClient, outgoing, signUp } from "../helpers/api";
import { countRequests } from "../helpers/db";
import { harness } from "../helpers/harness";

describe("revocation, exactly as the contract says", () => {
  it("stops every create at once while reads, lists and earlier links keep working", async ({ expect }) => {
    const { r, dst, shop, revoke, create } = await harness({ permissions: ["incoming:creator", "outgoing:creator"] });
    const before = (await create()).json;
    const link = (await shop.orchestrator(`/v1/requests/${before.id}/payment-links`, { method: "POST" })).json;
    expect((await revoke()).status).toBe(200);

    const refused = await create();
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe("client_revoked");
    const linkRefused = await shop.orchestrator(`/v1/requests/${before.id}/payment-links`, { method: "POST" });
    expect(linkRefused.json.code).toBe("client_revoked");
    // A revoked client's Idempotency-Key gets no replay of a create either.
    expect((await create(incoming({ reference: "NEW" }))).status).toBe(403);

    expect((await shop.orchestrator(`/v1/requests/${before.id}`)).json.status).toBe("pending");
    expect((await shop.orchestrator("/v1/requests")).json.data.map((x: { id: string }) => x.id)).toEqual([before.id]);
    const token = link.url.split("/pay/")[1];
    expect((await call(`/api/public/payment-links/${token}`)).status).toBe(200);
    // The recipient still sees the request with the revoked client's name.
    const listed = (await r.api(`/api/destinations/${dst}/requests?createdBy=${shop.id}`)).json.data;
    expect(listed.map((x: { createdBy: { clientName: string } }) => x.createdBy.clientName)).toEqual(["Shop"]);
    expect(await countRequests("created_by_client_id = ?", shop.id)).toBe(1);
  });

  it("races creates against one revoke: nothing is admitted after the revoke answered, and every 201 is in D1 exactly once", async ({
    expect,
  }) => {
    const { shop, revoke, create } = await harness({ permissions: ["incoming:creator", "outgoing:creator"] });
    type Outcome = { status: number; id?: string; sentAfterRevoke: boolean };
    let revokeAnswered = false;
    let revokedAt = "";
    const fire = async (): Promise<Outcome> => {
      const sentAfterRevoke = revokeAnswered;
      const res = await create();
      return { status: res.status, id: res.json?.id, sentAfterRevoke };
    };
    const early = Array.from({ length: 40 }, fire);
    const revoking = revoke().then((res) => {
      revokeAnswered = true;
      revokedAt = res.json.revokedAt;
    });
    const racing = Array.from({ length: 40 }, fire);
    await revoking;
    const late = Array.from({ length: 20 }, fire);
    const outcomes = await Promise.all([...early, ...racing, ...late]);

    expect(outcomes.every((o) => o.status === 201 || o.status === 403)).toBe(true);
    expect(outcomes.filter((o) => o.sentAfterRevoke).every((o) => o.status === 403)).toBe(true);
    const created = outcomes.filter((o) => o.status === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(await countRequests("created_by_client_id = ?", shop.id)).toBe(created.length);
    for (const o of created) {
      expect(await countRequests("id = ?", o.id)).toBe(1);
      const got = (await shop.orchestrator(`/v1/requests/${o.id}`)).json;
      expect(got.createdAt <= revokedAt).toBe(true);
    }
    // Both sides of the race happened: some creates got in before the revoke, the late ones did not.
    expect(outcomes.filter((o) => o.status === 403).length).toBeGreaterThanOrEqual(20);
  });

  it("ends reader rights at the revoke's 200: no read started after it sees another client's request, cache or not", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const shop = await newClient(r, dst, "Shop");
    const reader = await newClient(r, dst, "Reader", ["incoming:creator", "incoming:reader", "outgoing:reader"]);
    const foreign = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json.id as string;
    const foreignOut = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: outgoing() })).json.id as string;
    const own = (await reader.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json.id as string;
    // Warm every per-isolate cache with successful reader reads.
    expect((await reader.orchestrator("/v1/requests")).json.data.map((x: { id: string }) => x.id).sort()).toEqual(
      [foreign, foreignOut, own].sort(),
    );
    expect((await reader.orchestrator(`/v1/requests/${foreignOut}`)).status).toBe(200);

    let revokeAnswered = false;
    type Seen = { ids: string[]; startedAfterRevoke: boolean };
    const read = async (): Promise<Seen> => {
      const startedAfterRevoke = revokeAnswered;
      const [list, one] = await Promise.all([
        reader.orchestrator("/v1/requests?limit=100"),
        reader.orchestrator(`/v1/requests/${foreign}`),
      ]);
      const ids = list.json.data.map((x: { id: string }) => x.id);
      return { ids: one.status === 200 ? [...ids, foreign] : ids, startedAfterRevoke };
    };
    const before = Array.from({ length: 15 }, read);
    const revoking = r.api(`/api/destinations/${dst}/clients/${reader.id}/revoke`, { method: "POST" }).then((res) => {
      expect(res.status).toBe(200);
      revokeAnswered = true;
    });
    const during = Array.from({ length: 15 }, read);
    await revoking;
    const after = Array.from({ length: 15 }, read);
    const seen = await Promise.all([...before, ...during, ...after]);

    const late = seen.filter((s) => s.startedAfterRevoke);
    expect(late.length).toBeGreaterThanOrEqual(15);
    for (const s of late) expect(s.ids).toEqual([own]);
    // Its own request stays readable, and the foreign ones answer 404, not 403.
    expect((await reader.orchestrator(`/v1/requests/${own}`)).status).toBe(200);
    const gone = await reader.orchestrator(`/v1/requests/${foreignOut}`);
    expect(gone.status).toBe(404);
    expect(gone.json).not.toHaveProperty("payee");
  });
});
