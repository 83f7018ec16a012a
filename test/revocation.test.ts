import { describe, it } from "vitest";
import { call, claimedDestination, incoming, newClient, signUp } from "./helpers/api";
import { countRequests } from "./helpers/authority";

async function setup() {
  const r = await signUp();
  const { id: dst } = await claimedDestination(r);
  const shop = await newClient(r, dst, "Shop", ["incoming:creator", "outgoing:creator"]);
  const revoke = () => r.api(`/api/destinations/${dst}/clients/${shop.id}/revoke`, { method: "POST" });
  const create = (body = incoming()) => shop.orchestrator(`/v1/destinations/${dst}/requests`, { body });
  return { r, dst, shop, revoke, create };
}

describe("revocation, exactly as the contract says", () => {
  it("stops every create at once while reads, lists and earlier links keep working", async ({ expect }) => {
    const { r, dst, shop, revoke, create } = await setup();
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

  it("races creates against one revoke: nothing is admitted after the revoke answered, and every 201 is in D1 exactly once", async ({ expect }) => {
    const { shop, revoke, create } = await setup();
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
});
