import { env } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, it, vi } from "vitest";
import { IDEMPOTENCY_TTL_MS } from "../../src/authority/destination-authority";
import { WRITE_BACKOFF_MS } from "../../src/authority/outbox";
import { unwritten, wakeAuthority } from "../helpers/authority";
import { incoming } from "../helpers/api";
import { authority } from "../../src/authority/stub";
import { countRequests } from "../helpers/db";
import { harness } from "../helpers/harness";

/** Makes every D1 write to `requests` fail, as an outage would, until the returned function is called. */
async function breakRequestsTable() {
  await env.DB.exec("ALTER TABLE requests RENAME TO requests_offline");
  return () => env.DB.exec("ALTER TABLE requests_offline RENAME TO requests");
}

describe("the destination authority", () => {
  it("answers RPC: create, list, authenticate, revoke; revoked clients still authenticate for reads", async ({ expect }) => {
    const { dst, shop } = await harness();
    const stub = authority(env, dst);
    const hash = [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(shop.secret)))]
      .map((b) => b.toString(16).padStart(2, "0"))
      .join("");
    expect(await stub.authenticate(shop.id, hash)).toMatchObject({ outcome: "ok", client: { id: shop.id, status: "active" } });
    expect(await stub.authenticate(shop.id, "0".repeat(64))).toEqual({ outcome: "unauthenticated" });
    const user = { type: "user" as const, userId: "usr_test", email: "test@example.com" };
    expect(await stub.revokeClient(shop.id, user)).toMatchObject({ outcome: "ok", client: { status: "revoked" } });
    expect(await stub.authenticate(shop.id, hash)).toMatchObject({ outcome: "ok", client: { status: "revoked" } });
    expect(await stub.revokeClient("cli_0000000000000000", user)).toEqual({ outcome: "not_found" });
    expect((await stub.listClients()).data.map((c) => c.id)).toEqual([shop.id]);
  });

  it("after a D1 failure following admission, a replay with the same key yields exactly one request", async ({ expect }) => {
    const { shop, create } = await harness();
    const key = { "idempotency-key": "replay-after-outage" };
    const restore = await breakRequestsTable();
    const failed = await create(incoming(), { headers: key });
    await restore();
    expect(failed.status).toBe(503);
    expect(failed.json.code).toBe("storage_unavailable");
    expect(failed.headers.get("retry-after")).toBe("2");
    const id = /req_[0-9a-z]{16}/.exec(failed.json.detail)![0];
    expect(await countRequests("id = ?", id)).toBe(0);

    const retried = await create(incoming(), { headers: key });
    expect(retried.status).toBe(201);
    expect(retried.json.id).toBe(id);
    const again = await create(incoming(), { headers: key });
    expect(again.json.id).toBe(id);
    expect(await countRequests("created_by_client_id = ?", shop.id)).toBe(1);
  });

  it("writes an admitted create that never reached D1 from its outbox, by alarm, exactly once", async ({ expect }) => {
    const { dst, shop, create } = await harness();
    const restore = await breakRequestsTable();
    const failed = await create();
    await restore();
    const id = /req_[0-9a-z]{16}/.exec(failed.json.detail)![0];
    const stub = authority(env, dst);
    // The failed write armed the alarm; nothing is due before its backoff.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await countRequests("id = ?", id)).toBe(0);
    await wakeAuthority(dst, WRITE_BACKOFF_MS[0]!);
    expect(await countRequests("id = ?", id)).toBe(1);
    expect(await unwritten(dst)).toBe(0);
    expect((await shop.orchestrator(`/v1/requests/${id}`)).json.createdBy).toEqual({
      type: "client",
      clientId: shop.id,
      clientName: "Shop",
    });
    // Running the drain again (say, a duplicate alarm) writes nothing twice.
    await wakeAuthority(dst, WRITE_BACKOFF_MS[0]!);
    expect(await countRequests("created_by_client_id = ?", shop.id)).toBe(1);
  });

  it("keeps idempotency keys at least 24 h and forgets them after their 48 h", async ({ expect }) => {
    const { dst, create } = await harness();
    const first = await create(incoming(), { headers: { "idempotency-key": "k1" } });
    const stub = authority(env, dst);
    const expiresIn = await runInDurableObject(
      stub,
      (_i, state) => state.storage.sql.exec<{ e: number }>("SELECT expires_at - ? AS e FROM idempotency_keys", Date.now()).one().e,
    );
    expect(expiresIn).toBeGreaterThan(24 * 3600_000);
    await wakeAuthority(dst, IDEMPOTENCY_TTL_MS + 1);
    expect(await runInDurableObject(stub, (_i, state) => state.storage.sql.exec("SELECT 1 FROM idempotency_keys").toArray())).toEqual([]);
    const fresh = await create(incoming(), { headers: { "idempotency-key": "k1" } });
    expect(fresh.status).toBe(201);
    expect(fresh.json.id).not.toBe(first.json.id);
  });

  it("drains a backlog larger than one batch without waiting a second per batch", async ({ expect }) => {
    const { dst, shop, create } = await harness();
    const stub = authority(env, dst);
    // 150 admitted creates whose D1 write failed, each logged once (held here rather than printed 150 times).
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const restore = await breakRequestsTable();
    try {
      for (let i = 0; i < 150; i++) expect((await create()).status).toBe(503);
      expect(logged.mock.calls.filter((call) => String(call[0]).startsWith("D1 refused a record")).length).toBe(150);
    } finally {
      await restore();
      logged.mockRestore();
    }
    expect(await unwritten(dst)).toBe(150);
    await wakeAuthority(dst, WRITE_BACKOFF_MS[0]!);
    expect(await unwritten(dst)).toBe(50);
    // Re-armed for at once, not a second later.
    const next = await runInDurableObject(stub, (_i, state) => state.storage.getAlarm());
    expect(next).not.toBeNull();
    expect(next!).toBeLessThanOrEqual(Date.now() + WRITE_BACKOFF_MS[0]!);
    await wakeAuthority(dst, WRITE_BACKOFF_MS[0]!);
    expect(await unwritten(dst)).toBe(0);
    expect(await countRequests("created_by_client_id = ?", shop.id)).toBe(150);
  });
});
