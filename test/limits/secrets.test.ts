import { env } from "cloudflare:workers";
import { createExecutionContext, runInDurableObject, waitOnExecutionContext } from "cloudflare:test";
import { describe, it } from "vitest";
import worker from "../../src/index";
import { base62Checksum } from "../../src/clients/credentials/checksum";
import { sha256Hex } from "../../src/lib/crypto";
import { randomBase32 } from "../../src/lib/ids";
import { call, incoming } from "../helpers/api";
import { clientCaller } from "../../scripts/lib/recipient-setup.mjs";
import { limitedClient } from "./helpers";
import { advanceAuthorityClock } from "../helpers/authority";

/** The Worker with its authority namespace wrapped: `calls()` is how many authority stubs it asked for (no stub, no call). */
function countingWorker() {
  let n = 0;
  const ns = env.DESTINATION_AUTHORITY;
  const counted = {
    idFromName: (name: string) => ns.idFromName(name),
    get: (id: DurableObjectId) => {
      n++;
      return ns.get(id);
    },
  } as unknown as typeof ns;
  const fetch = async (path: string, secret: string) => {
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request(`https://payrelay.test${path}`, { headers: { authorization: `Bearer ${secret}` } }),
      { ...env, DESTINATION_AUTHORITY: counted },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return res;
  };
  return { fetch, calls: () => n };
}

/** The same secret with one character of its random part changed: the typo a checksum exists to catch. */
const typo = (secret: string) => {
  const i = secret.length - 10;
  return secret.slice(0, i) + (secret[i] === "a" ? "b" : "a") + secret.slice(i + 1);
};

describe("client secrets: checksum, legacy format, rotation", () => {
  it("refuses a secret with a wrong checksum in the Worker, without any Durable Object call", async ({ expect }) => {
    const t = await limitedClient({}, ["incoming:creator", "incoming:reader"]);
    const counted = countingWorker();
    expect((await counted.fetch("/v1/requests", t.client.secret)).status).toBe(200);
    expect(counted.calls()).toBe(0); // a read is authorized from D1's copy of the credential, not by the authority

    const before = counted.calls();
    for (const wrong of [typo(t.client.secret), t.client.secret.slice(0, -1) + (t.client.secret.endsWith("A") ? "B" : "A")]) {
      const res = await counted.fetch("/v1/requests", wrong);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe("unauthenticated");
    }
    expect(counted.calls()).toBe(before);
  });

  it("authorizes a read from D1's copy of the credential; a client D1 lacks is read through the authority once, which projects it", async ({
    expect,
  }) => {
    const t = await limitedClient({}, ["incoming:creator", "incoming:reader"]);
    const counted = countingWorker();
    expect((await counted.fetch("/v1/requests", t.client.secret)).status).toBe(200);
    expect(counted.calls()).toBe(0);
    // As for a client made before credentials were projected to D1.
    await env.DB.prepare("DELETE FROM client_credentials WHERE client_id = ?").bind(t.client.id).run();
    expect((await counted.fetch("/v1/requests", t.client.secret)).status).toBe(200);
    expect(counted.calls()).toBe(1);
    const projected = await env.DB.prepare("SELECT status, secret_hash FROM client_credentials WHERE client_id = ?")
      .bind(t.client.id)
      .first();
    expect(projected).toEqual({ status: "active", secret_hash: await sha256Hex(t.client.secret) });
    expect((await counted.fetch("/v1/requests", t.client.secret)).status).toBe(200);
    expect(counted.calls()).toBe(1);
    // A revocation reaches D1's copy before it answers: the next read is the revoked client's, its own requests only.
    await t.r.api(`/api/destinations/${t.dst}/clients/${t.client.id}/revoke`, { method: "POST" });
    expect(await env.DB.prepare("SELECT status FROM client_credentials WHERE client_id = ?").bind(t.client.id).first()).toEqual({
      status: "revoked",
    });
  });

  it("keeps accepting secrets issued before the checksum", async ({ expect }) => {
    const t = await limitedClient({});
    const legacy = `prsk_${t.dst.slice(4)}_${t.client.id.slice(4)}_${randomBase32(32)}`;
    const hash = await sha256Hex(legacy);
    await runInDurableObject(t.stub, (_i, state) => {
      state.storage.sql.exec("UPDATE clients SET secret_hash = ? WHERE id = ?", hash, t.client.id);
    });
    const old = clientCaller(call, legacy);
    expect((await old(`/v1/destinations/${t.dst}/requests`, { body: incoming() })).status).toBe(201);
    // A legacy-shaped secret with a checksum appended is a new-format secret, and must match as one.
    expect((await old(`/v1/requests`, { headers: { authorization: `Bearer ${legacy}${base62Checksum(legacy)}` } })).status).toBe(401);
  });

  it("rotates with an overlap: both secrets work until previousSecretExpiresAt, then only the new one", async ({ expect }) => {
    const t = await limitedClient({});
    const rotated = await t.r.api(`/api/destinations/${t.dst}/clients/${t.client.id}/rotate-secret`, { body: { overlapSeconds: 600 } });
    expect(rotated.status).toBe(200);
    const { secret, previousSecretExpiresAt, secretHint } = rotated.json;
    expect(secret).not.toBe(t.client.secret);
    expect(secret).toMatch(new RegExp(`^prsk_${t.dst.slice(4)}_${t.client.id.slice(4)}_`));
    expect(secretHint).toBe(`prsk_…${secret.slice(-38, -34)}`);
    expect(Date.parse(previousSecretExpiresAt) - Date.now()).toBeGreaterThan(590_000);
    const fresh = clientCaller(call, secret);
    const create = (caller: typeof fresh) => caller(`/v1/destinations/${t.dst}/requests`, { body: incoming() });
    expect((await create(t.orchestrator)).status).toBe(201);
    expect((await create(fresh)).status).toBe(201);

    await advanceAuthorityClock(t.stub, 601_000);
    expect((await create(t.orchestrator)).status).toBe(401);
    expect((await create(fresh)).status).toBe(201);
    // The list never shows a secret, only the new hint.
    const listed = JSON.stringify((await t.r.api(`/api/destinations/${t.dst}/clients`)).json);
    expect(listed).not.toContain(secret.slice(-38, -6));
    expect(listed).toContain(secretHint);
  });

  it("rotating with overlapSeconds 0 ends the old secret at once on every read route, though this isolate just accepted it", async ({
    expect,
  }) => {
    const t = await limitedClient({});
    const own = (await t.create(incoming())).json.id;
    const reads = [`/v1/requests/${own}`, "/v1/requests", `/v1/requests/${own}/events`, "/v1/events", "/v1/webhook-endpoints"];
    for (const path of reads) expect((await t.orchestrator(path)).status, path).toBe(200);
    const rotated = await t.r.api(`/api/destinations/${t.dst}/clients/${t.client.id}/rotate-secret`, { body: { overlapSeconds: 0 } });
    expect(rotated.status).toBe(200);
    for (const path of reads) {
      const res = await t.orchestrator(path);
      expect([res.status, res.json.code], path).toEqual([401, "unauthenticated"]);
    }
    const fresh = clientCaller(call, rotated.json.secret);
    for (const path of reads) expect((await fresh(path)).status, path).toBe(200);
  });

  it("defaults the overlap to 24 h, caps it at 7 days, and refuses to rotate a revoked client", async ({ expect }) => {
    const t = await limitedClient({});
    const path = `/api/destinations/${t.dst}/clients/${t.client.id}`;
    const rotated = await t.r.api(`${path}/rotate-secret`, { method: "POST" });
    expect(Date.parse(rotated.json.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(86_390_000);
    const tooLong = await t.r.api(`${path}/rotate-secret`, { body: { overlapSeconds: 604_801 } });
    expect([tooLong.status, tooLong.json.errors[0].path]).toEqual([400, "overlapSeconds"]);
    await t.r.api(`${path}/revoke`, { method: "POST" });
    expect((await t.r.api(`${path}/rotate-secret`, { method: "POST" })).json.code).toBe("conflict");
  });
});
