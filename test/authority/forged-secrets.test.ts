import { env } from "cloudflare:workers";
import { listDurableObjectIds, runInDurableObject } from "cloudflare:test";
import { describe, it } from "vitest";
import { randomBase32 } from "../../src/lib/ids";
import { call, claimedDestination, incoming, newClient, signUp } from "../helpers/api";

const forged = () => ({ dst: `dst_${randomBase32(16)}`, secret: "" });

describe("unauthenticated traffic and the authorities", () => {
  it("leaves no Durable Object storage behind for 100 forged secrets of the right shape", async ({ expect }) => {
    const before = new Set((await listDurableObjectIds(env.DESTINATION_AUTHORITY)).map((id) => id.toString()));
    const fakes = Array.from({ length: 100 }, () => {
      const f = forged();
      f.secret = `prsk_${f.dst.slice(4)}_${randomBase32(16)}_${randomBase32(32)}`;
      return f;
    });
    for (const [i, f] of fakes.entries()) {
      const auth = { authorization: `Bearer ${f.secret}` };
      const res =
        i % 3 === 0
          ? await call(`/v1/destinations/${f.dst}/requests`, { body: incoming(), headers: auth })
          : i % 3 === 1
            ? await call("/v1/requests", { headers: auth })
            : await call(`/v1/requests/req_${randomBase32(16)}/payment-links`, { method: "POST", headers: auth });
      expect(res.status).toBe(401);
    }
    // workerd may open an empty database file for an object it started; what must not exist is data.
    // (Before the fix, each forged secret's object wrote its schema in its constructor.)
    const forgedIds = new Set(fakes.map((f) => env.DESTINATION_AUTHORITY.idFromName(f.dst).toString()));
    const touched = (await listDurableObjectIds(env.DESTINATION_AUTHORITY)).filter(
      (id) => !before.has(id.toString()) && forgedIds.has(id.toString()),
    );
    const sample = fakes.slice(0, 10).map((f) => env.DESTINATION_AUTHORITY.idFromName(f.dst));
    for (const id of [...touched, ...sample]) {
      const tables = await runInDurableObject(
        env.DESTINATION_AUTHORITY.get(id),
        (_, state) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM sqlite_master").one().n,
      );
      expect(tables).toBe(0);
    }
  });

  it("still stores a real destination's authority once its recipient creates a client", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    await newClient(r, dst);
    const stub = env.DESTINATION_AUTHORITY.get(env.DESTINATION_AUTHORITY.idFromName(dst));
    const tables = await runInDurableObject(
      stub,
      (_, state) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").one().n,
    );
    expect(tables).toBeGreaterThan(0);
  });
});
