import { describe, it } from "vitest";
import { call, claimedDestination, incoming, signUp, type Recipient } from "../helpers/api";
import { keyPair, signedCall } from "../helpers/signing";
import type { SigningOptions } from "../../sdk/src/signing";
import { newId } from "../../src/lib/ids";
import { env } from "cloudflare:workers";
import { parseClientSecret } from "../../src/clients/credentials/client-secret";
import { authority } from "../../src/authority/stub";
import { agent, callTool } from "../mcp/helpers";

/** Signed requests (seed 001; API v1.2 "What the seeds still ask"): RFC 9421 signatures from a client's key. */

type Pair = Awaited<ReturnType<typeof keyPair>>;

/** A recipient, a destination, and a client whose recipient pasted `pair`'s public key. */
async function signingShop(pair: Pair, requireSignedRequests = true) {
  const r = await signUp();
  const { id: dst } = await claimedDestination(r);
  const created = await r.api(`/api/destinations/${dst}/clients`, {
    body: { name: "Signing shop", signingKey: pair.publicJwk, requireSignedRequests },
  });
  if (created.status !== 201) throw new Error(`create client: ${created.status} ${created.text}`);
  const secret = created.json.secret as string;
  const create = (body: unknown, signing: SigningOptions = { privateKey: pair.privateJwk }, tamper?: (r: Request) => Request) =>
    signedCall(`/v1/destinations/${dst}/requests`, secret, body, signing, tamper);
  return { r, dst, client: created.json, secret, create };
}

const evidenceOf = (r: Recipient, dst: string, requestId: string) => r.api(`/api/destinations/${dst}/requests/${requestId}/evidence`);

const listOwn = async (secret: string) => (await call("/v1/requests", { headers: { authorization: `Bearer ${secret}` } })).json.data;

/** Verifies `signature` (`payrelay=:…:`) over `base` with the public JWK alone, as a third party would. */
async function thirdPartyVerifies(publicKey: JsonWebKey, base: string, signature: string) {
  const ec = publicKey.kty === "EC";
  const key = await crypto.subtle.importKey("jwk", publicKey, ec ? { name: "ECDSA", namedCurve: "P-256" } : { name: "Ed25519" }, false, [
    "verify",
  ]);
  const bytes = Uint8Array.from(atob(/^payrelay=:(.+):$/.exec(signature)![1]!), (c) => c.charCodeAt(0));
  return crypto.subtle.verify(ec ? { name: "ECDSA", hash: "SHA-256" } : { name: "Ed25519" }, key, bytes, new TextEncoder().encode(base));
}

describe("signed requests", () => {
  for (const kind of ["Ed25519", "P-256"] as const) {
    it(`${kind}: a signed create is 201 and keeps its evidence, redacted while the secret is live, whole after revoke`, async ({
      expect,
    }) => {
      const pair = await keyPair(kind);
      const { r, dst, client, secret, create } = await signingShop(pair);
      expect(client).toMatchObject({ requireSignedRequests: true, signingKey: { kty: pair.publicJwk.kty, x: pair.publicJwk.x } });
      const res = await create(incoming({ reference: "SIGNED 1" }));
      expect(res.status, res.text).toBe(201);

      const live = await evidenceOf(r, dst, res.json.id);
      expect(live.status).toBe(200);
      const alg = kind === "Ed25519" ? "ed25519" : "ecdsa-p256-sha256";
      expect(live.json).toMatchObject({ signed: true, alg, verifiable: false, reason: expect.stringContaining("still works") });
      expect(live.json.signatureInput).toMatch(/^payrelay=\("@method" "@target-uri" "content-digest" "authorization"\);created=\d+;alg="/);
      expect(live.json.body).toBe(JSON.stringify(incoming({ reference: "SIGNED 1" })));
      // The live secret is nowhere in the answer; its line carries the header's hash instead.
      expect(live.text).not.toContain(secret);
      const authHash = [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`Bearer ${secret}`)))]
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("");
      expect(live.json.authorizationSha256).toBe(authHash);
      expect(live.json.signatureBase).toContain(`"authorization": [redacted: secret still live, sha-256 ${authHash}]`);
      expect(await thirdPartyVerifies(live.json.publicKey, live.json.signatureBase, live.json.signature)).toBe(false);

      // Revoked: the secret is retired, the whole base is shown and the public key alone verifies it.
      expect((await r.api(`/api/destinations/${dst}/clients/${client.id}/revoke`, { method: "POST" })).status).toBe(200);
      const whole = await evidenceOf(r, dst, res.json.id);
      expect(whole.json).toMatchObject({ signed: true, verifiable: true });
      expect(whole.json.reason).toBeUndefined();
      expect(whole.json.signatureBase).toContain(`"authorization": Bearer ${secret}`);
      expect(whole.json.signatureBase).toContain(`"@target-uri": https://payrelay.test/v1/destinations/${dst}/requests`);
      expect(await thirdPartyVerifies(whole.json.publicKey, whole.json.signatureBase, whole.json.signature)).toBe(true);
      // The covered Content-Digest is the body's.
      const digest = btoa(
        String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(whole.json.body)))),
      );
      expect(whole.json.signatureBase).toContain(`"content-digest": sha-256=:${digest}:`);
    });
  }

  it("refuses each broken part with a detail naming it, and creates nothing", async ({ expect }) => {
    const pair = await keyPair();
    const other = await keyPair();
    const { dst, secret, create } = await signingShop(pair);
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, ReturnType<typeof create>, RegExp][] = [
      [
        "unsigned",
        call(`/v1/destinations/${dst}/requests`, { headers: { authorization: `Bearer ${secret}` }, body: incoming() }),
        /Signature-Input header is missing/,
      ],
      ["stale", create(incoming(), { privateKey: pair.privateJwk, now: () => now - 301 }), /created is more than 300 s old/],
      ["future", create(incoming(), { privateKey: pair.privateJwk, now: () => now + 120 }), /created is in the future/],
      ["wrong key", create(incoming(), { privateKey: other.privateJwk }), /does not verify with the client's signing key/],
      [
        "wrong digest",
        create(
          incoming(),
          { privateKey: pair.privateJwk },
          (signed) => new Request(signed, { body: JSON.stringify(incoming({ amount: "999.00" })) }),
        ),
        /Content-Digest does not match the body/,
      ],
      [
        "tampered target",
        create(
          incoming(),
          { privateKey: pair.privateJwk },
          (signed) => new Request(signed.url.replace("/requests", "/requests?x=1"), signed),
        ),
        /does not verify/,
      ],
      [
        "not covering authorization",
        create(incoming(), { privateKey: pair.privateJwk }, (signed) => {
          const headers = new Headers(signed.headers);
          headers.set("signature-input", headers.get("signature-input")!.replace(' "authorization"', ""));
          return new Request(signed, { headers });
        }),
        /must cover "authorization"/,
      ],
      [
        "no created",
        create(incoming(), { privateKey: pair.privateJwk }, (signed) => {
          const headers = new Headers(signed.headers);
          headers.set("signature-input", headers.get("signature-input")!.replace(/;created=\d+/, ""));
          return new Request(signed, { headers });
        }),
        /no created parameter/,
      ],
      [
        "another label",
        create(incoming(), { privateKey: pair.privateJwk }, (signed) => {
          const headers = new Headers(signed.headers);
          headers.set("signature-input", headers.get("signature-input")!.replace("payrelay=", "sig1="));
          return new Request(signed, { headers });
        }),
        /no signature labelled "payrelay"/,
      ],
    ];
    for (const [name, pending, detail] of cases) {
      const res = await pending;
      expect([name, res.status, res.json?.code], res.text).toEqual([name, 401, "signature_invalid"]);
      expect(res.json.detail, name).toMatch(detail);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    }
    expect(await listOwn(secret)).toEqual([]);
  });

  it("every /v1 POST of a client that must sign: an unsigned payment link is 401, a signed one 201", async ({ expect }) => {
    const pair = await keyPair();
    const { secret, create } = await signingShop(pair);
    const req = (await create(incoming())).json;
    const unsigned = await call(`/v1/requests/${req.id}/payment-links`, { method: "POST", headers: { authorization: `Bearer ${secret}` } });
    expect([unsigned.status, unsigned.json.code]).toEqual([401, "signature_invalid"]);
    expect(unsigned.headers.get("accept-signature")).toContain('payrelay=("@method" "@target-uri" "content-digest" "authorization")');
    const signed = await signedCall(`/v1/requests/${req.id}/payment-links`, secret, {}, { privateKey: pair.privateJwk });
    expect(signed.status, signed.text).toBe(201);
    // Reads need no signature.
    expect((await call(`/v1/requests/${req.id}`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
  });

  it("a client with a key that need not sign: unsigned works (no evidence), a bad signature is still 401", async ({ expect }) => {
    const pair = await keyPair();
    const { r, dst, secret, create } = await signingShop(pair, false);
    const unsigned = await call(`/v1/destinations/${dst}/requests`, { headers: { authorization: `Bearer ${secret}` }, body: incoming() });
    expect(unsigned.status).toBe(201);
    expect((await evidenceOf(r, dst, unsigned.json.id)).json).toEqual({ signed: false });
    const bad = await create(incoming(), { privateKey: (await keyPair()).privateJwk });
    expect([bad.status, bad.json.code]).toEqual([401, "signature_invalid"]);
    const good = await create(incoming());
    expect(good.status).toBe(201);
    expect((await evidenceOf(r, dst, good.json.id)).json).toMatchObject({ signed: true, verifiable: false });
  });

  it("a secret rotated out (overlap 0) makes its evidence verifiable; another recipient's evidence is 404", async ({ expect }) => {
    const pair = await keyPair();
    const { r, dst, client, create } = await signingShop(pair);
    const req = (await create(incoming())).json;
    const rotated = await r.api(`/api/destinations/${dst}/clients/${client.id}/rotate-secret`, { body: { overlapSeconds: 0 } });
    expect(rotated.status).toBe(200);
    const evidence = await evidenceOf(r, dst, req.id);
    expect(evidence.json.verifiable).toBe(true);
    expect(await thirdPartyVerifies(evidence.json.publicKey, evidence.json.signatureBase, evidence.json.signature)).toBe(true);
    const stranger = await signUp();
    const { id: strangerDst } = await claimedDestination(stranger);
    expect((await evidenceOf(stranger, dst, req.id)).status).toBe(404);
    expect((await evidenceOf(stranger, strangerDst, req.id)).status).toBe(404);
    expect((await evidenceOf(r, dst, newId("req"))).status).toBe(404);
  });

  it("signingKey and requireSignedRequests: validated with the field named, set and removed by PATCH", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const pair = await keyPair("P-256");
    const clients = `/api/destinations/${dst}/clients`;
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ signingKey: pair.privateJwk }, "signingKey.d", /private key/],
      [{ signingKey: { ...pair.publicJwk, kty: "RSA" } }, "signingKey.kty", /kty/],
      [{ signingKey: { ...pair.publicJwk, y: undefined } }, "signingKey.y", /y coordinate/],
      [{ signingKey: { ...pair.publicJwk, x: "short" } }, "signingKey.x", /43 base64url/],
      [{ requireSignedRequests: true }, "requireSignedRequests", /needs a signing key/],
    ];
    for (const [body, path, message] of refusals) {
      const res = await r.api(clients, { body: { name: "Shop", ...body } });
      expect([res.status, res.json.code], JSON.stringify(body)).toEqual([400, "validation_failed"]);
      expect(res.json.errors).toContainEqual({ path, message: expect.stringMatching(message) });
    }
    const created = (await r.api(clients, { body: { name: "Shop" } })).json;
    expect(created).toMatchObject({ signingKey: null, requireSignedRequests: false });
    const patch = (body: unknown) => r.api(`${clients}/${created.id}`, { method: "PATCH", body });
    const requireFirst = await patch({ requireSignedRequests: true });
    expect([requireFirst.status, requireFirst.json.errors]).toEqual([
      400,
      [{ path: "requireSignedRequests", message: expect.any(String) }],
    ]);
    const set = await patch({ signingKey: { ...pair.publicJwk, key_ops: ["verify"], ext: true }, requireSignedRequests: true });
    expect(set.status, set.text).toBe(200);
    expect(set.json).toMatchObject({
      requireSignedRequests: true,
      signingKey: { kty: "EC", crv: "P-256", x: pair.publicJwk.x, y: pair.publicJwk.y },
    });
    expect(set.json.signingKey.key_ops).toBeUndefined();
    // Removing the key while signatures are required is refused, and nothing changes (all or nothing).
    const remove = await patch({ signingKey: null, limits: { createsPerMinute: 5 } });
    expect(remove.status).toBe(400);
    const after = (await r.api(clients)).json.data[0];
    expect(after).toMatchObject({ requireSignedRequests: true, limits: { createsPerMinute: created.limits.createsPerMinute } });
    const off = await patch({ signingKey: null, requireSignedRequests: false });
    expect(off.json).toMatchObject({ signingKey: null, requireSignedRequests: false });
    const audit = (await r.api(`/api/destinations/${dst}/audit`)).json.data;
    expect(audit[0]).toMatchObject({
      action: "client.signing_changed",
      details: { signingKeyThumbprint: null, requireSignedRequests: false },
    });
  });

  it("/mcp: a client that must sign cannot connect unsigned; signed, create_request keeps the JSON-RPC message as evidence", async ({
    expect,
  }) => {
    const pair = await keyPair();
    const { r, dst, secret } = await signingShop(pair);
    const unsigned = await call("/mcp", {
      headers: { authorization: `Bearer ${secret}`, accept: "application/json, text/event-stream" },
      body: { jsonrpc: "2.0", id: 1, method: "tools/list" },
    });
    expect([unsigned.status, unsigned.json.code, unsigned.json.detail]).toEqual([
      401,
      "signature_invalid",
      expect.stringContaining("Signature-Input header is missing"),
    ]);
    await expect(agent(secret, { privateKey: (await keyPair()).privateJwk })).rejects.toThrow(/401|signature/i);
    const client = await agent(secret, { privateKey: pair.privateJwk });
    const created = await callTool(client, "create_request", { destinationId: dst, ...incoming({ reference: "MCP SIGNED" }) });
    expect(created.isError, created.text).toBe(false);
    const evidence = (await evidenceOf(r, dst, created.data.id)).json;
    expect(evidence).toMatchObject({ signed: true, verifiable: false });
    expect(JSON.parse(evidence.body)).toMatchObject({ method: "tools/call", params: { name: "create_request" } });
    expect(evidence.signatureBase).toContain('"@target-uri": https://payrelay.test/mcp');
  });

  it("the admission refuses a signature verified with a key that is no longer the client's", async ({ expect }) => {
    const pair = await keyPair();
    const { dst, client, secret } = await signingShop(pair);
    const credential = (await parseClientSecret(secret))!;
    const admit = (keyThumbprint: string) =>
      authority(env, dst).admit({
        actor: { type: "client", clientId: client.id, secretHash: credential.secretHash },
        permission: "incoming:creator",
        idempotencyKey: null,
        fingerprint: "",
        record: { kind: "request", row: { id: newId("req") } as never },
        money: { amount: "1.00", currency: "USDC", bankPayout: false },
        signature: { keyThumbprint, evidence: {} as never },
      });
    // As if the recipient replaced the key between the Worker's authenticate() and this admission.
    expect(await admit("another-key-thumbprint")).toEqual({
      outcome: "signature_invalid",
      detail: expect.stringContaining("signing key changed"),
    });
    expect(await listOwn(secret)).toEqual([]);
  });
});
