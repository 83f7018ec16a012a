import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, it } from "vitest";
import { authority } from "../../src/services/authority";
import { randomBase32 } from "../../src/lib/ids";
import { call, claimedDestination, incoming, newClient, outgoing, signUp } from "../helpers/api";
import { demoUsd } from "../helpers/payments";
import { testWallet } from "../helpers/wallet";
import { receiverHook } from "../webhooks/receiver";

/**
 * The authorization matrix, generated from /openapi.json: every operation the
 * document lists is called by every kind of actor, and each answer must be
 * the contract's exact status and code, with no other tenant's data. A new
 * route joins the matrix by being in the document; one without a body
 * fixture below fails this test until it gets one.
 */
type Op = { method: string; path: string; security: Record<string, string[]>[] };

const BODIES: Record<string, unknown> = {
  "post /api/auth/signup": { email: "someone@example.com", password: "correct horse battery" },
  "post /api/auth/login": { email: "someone@example.com", password: "correct horse battery" },
  "post /api/auth/logout": undefined,
  "post /api/destinations": {
    chainId: 8453,
    walletAddress: "0x" + "2".repeat(40),
    tokenAddress: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
  },
  "patch /api/destinations/{destinationId}": { displayName: "Stranger's shop" },
  "post /api/destinations/{destinationId}/challenge": undefined,
  "post /api/destinations/{destinationId}/claim": { signature: "0x" + "1".repeat(130) },
  "post /api/destinations/{destinationId}/clients": { name: "Stranger's client" },
  "post /api/destinations/{destinationId}/clients/{clientId}/revoke": undefined,
  "post /api/destinations/{destinationId}/requests": incoming(),
  "post /api/destinations/{destinationId}/requests/{requestId}/payment-links": undefined,
  "patch /api/destinations/{destinationId}/clients/{clientId}": { limits: { createsPerMinute: 10 } },
  "post /api/destinations/{destinationId}/clients/{clientId}/rotate-secret": undefined,
  "post /v1/destinations/{destinationId}/requests": incoming(),
  "post /v1/requests/{requestId}/payment-links": undefined,
  "post /v1/requests/{requestId}/cancel": undefined,
  "post /api/destinations/{destinationId}/requests/{requestId}/cancel": undefined,
  "post /api/destinations/{destinationId}/requests/{requestId}/approve": undefined,
  "post /api/destinations/{destinationId}/requests/{requestId}/reject": { reason: "Not ours" },
  "post /api/destinations/{destinationId}/webhook-endpoints": { url: receiverHook("stranger").url },
  "delete /api/destinations/{destinationId}/webhook-endpoints/{endpointId}": undefined,
  "post /api/destinations/{destinationId}/webhook-endpoints/{endpointId}/rotate-secret": undefined,
  "post /api/destinations/{destinationId}/webhook-endpoints/{endpointId}/test": undefined,
  "post /api/destinations/{destinationId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry": undefined,
  "post /v1/webhook-endpoints": { url: receiverHook("stranger").url },
  "delete /v1/webhook-endpoints/{endpointId}": undefined,
  "post /v1/requests/{requestId}/payments": { txHash: `0x${"ab".repeat(32)}` },
  "post /api/public/payment-links/{token}/payments": { txHash: `0x${"ab".repeat(32)}` },
  "post /api/public/payment-links/{token}/payer": { walletAddress: "0x" + "5".repeat(40) },
  "post /api/destinations/{destinationId}/requests/{requestId}/mark-paid": { note: "Paid by bank transfer" },
  "post /api/destinations/{destinationId}/requests/{requestId}/refunds": { amount: "1.00", note: "Sent back by bank transfer" },
};

async function operations(): Promise<Op[]> {
  const doc = (await call("/openapi.json")).json as { paths: Record<string, Record<string, { security?: Op["security"] }>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method, path, security: op.security ?? [] })),
  );
}

/** A recipient with a claimed destination, a client, a request and a link: the things strangers aim at. */
async function tenant() {
  const r = await signUp();
  // On the run's local chain, so payment routes reach a real RPC (an unknown hash is 422, not 503).
  const { id: dst } = await claimedDestination(r, testWallet(), demoUsd());
  const shop = await newClient(r, dst, "Shop");
  const req = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: outgoing() })).json;
  const incomingReq = (await shop.orchestrator(`/v1/destinations/${dst}/requests`, { body: incoming() })).json;
  const link = (await shop.orchestrator(`/v1/requests/${incomingReq.id}/payment-links`, { method: "POST" })).json;
  // A recipient endpoint created before the requests would hold deliveries; one made after gets the test event's.
  const hook = (await r.api(`/api/destinations/${dst}/webhook-endpoints`, { body: { url: receiverHook("a").url } })).json;
  await r.api(`/api/destinations/${dst}/webhook-endpoints/${hook.id}/test`, { method: "POST" });
  const delivery = (await r.api(`/api/destinations/${dst}/webhook-endpoints/${hook.id}/deliveries`)).json.data[0];
  const clientHook = (await shop.orchestrator("/v1/webhook-endpoints", { body: { url: receiverHook("b").url } })).json;
  const params = {
    id: dst,
    destinationId: dst,
    clientId: shop.id,
    requestId: req.id,
    token: link.url.split("/pay/")[1],
    endpointId: hook.id,
    deliveryId: delivery.id,
  };
  return { r, dst, shop, req, params, v1Params: { ...params, endpointId: clientHook.id } };
}

const fill = (path: string, params: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!);
const forgedSecret = () => `prsk_${randomBase32(16)}_${randomBase32(16)}_${randomBase32(32)}`;
const kind = (op: Op) => (op.security.length === 0 ? "public" : "clientSecret" in op.security[0]! ? "client" : "session");
const key = (op: Op) => `${op.method} ${op.path}`;
const SAFE = new Set(["get", "head"]);

const OPS = await operations();

/** Made once for the whole matrix: only ever a caller here, never changed, so every operation can aim at the same stranger. */
const once = <T>(make: () => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
};
const stranger = once(tenant);
const endedSession = once(async () => {
  const ended = await signUp();
  await ended.api("/api/auth/logout", { method: "POST" });
  return ended;
});

describe("authorization matrix over every documented operation", () => {
  it("covers the whole document, with a body fixture for every operation that takes one", ({ expect }) => {
    expect(OPS.length).toBeGreaterThanOrEqual(18);
    expect(OPS.filter((op) => !SAFE.has(op.method) && !(key(op) in BODIES)).map(key)).toEqual([]);
  });

  for (const op of OPS)
    it(
      `${key(op)} answers every actor with the contract's status and code, and no other tenant's data`,
      { timeout: 120_000 },
      async ({ expect }) => {
        {
          const a = await tenant();
          const b = await stranger();
          const path = fill(op.path, op.path.startsWith("/v1/") ? a.v1Params : a.params);
          const body = BODIES[key(op)];
          const init = { method: op.method.toUpperCase(), ...(body === undefined ? {} : { body }) };
          const where = `${key(op)}`;
          const expectProblem = (
            res: { status: number; json: { code?: string }; text: string },
            status: number,
            code: string,
            who: string,
          ) => {
            expect(res.status, `${who} → ${where}`).toBe(status);
            expect(res.json?.code, `${who} → ${where}`).toBe(code);
            for (const secret of [a.dst, a.shop.id, a.req.id, a.params.token, a.r.email])
              expect(res.text, `${who} → ${where}`).not.toContain(secret);
          };
          const hasTenantParams = /\{(id|destinationId|clientId|requestId|endpointId)\}/.test(op.path);

          if (kind(op) === "session") {
            expectProblem(await call(path, init), 401, "unauthenticated", "no auth");
            expectProblem(
              await call(path, { ...init, headers: { cookie: "__Host-payrelay_session=garbage" } }),
              401,
              "unauthenticated",
              "garbage cookie",
            );
            expectProblem(await (await endedSession()).api(path, init), 401, "unauthenticated", "ended session");
            if (!SAFE.has(op.method)) {
              expectProblem(
                await call(path, { ...init, headers: { cookie: b.r.cookie } }),
                403,
                "csrf_failed",
                "session without CSRF token",
              );
            }
            if (hasTenantParams) expectProblem(await b.r.api(path, init), 404, "not_found", "another recipient");
            // A client secret is not a session.
            expectProblem(
              await call(path, { ...init, headers: { authorization: `Bearer ${a.shop.secret}` } }),
              401,
              "unauthenticated",
              "client secret on a session route",
            );
          }

          if (kind(op) === "client") {
            expectProblem(await call(path, init), 401, "unauthenticated", "no auth");
            expectProblem(
              await call(path, { ...init, headers: { authorization: "Bearer garbage" } }),
              401,
              "unauthenticated",
              "garbage secret",
            );
            expectProblem(
              await call(path, { ...init, headers: { authorization: `Bearer ${forgedSecret()}` } }),
              401,
              "unauthenticated",
              "forged secret",
            );
            expectProblem(
              await call(path, { ...init, headers: { cookie: a.r.cookie, "x-csrf-token": a.r.csrf } }),
              401,
              "unauthenticated",
              "session on a client route",
            );
            if (hasTenantParams) expectProblem(await b.shop.orchestrator(path, init), 404, "not_found", "another destination's client");
            const other = await newClient(a.r, a.dst, "Other", ["incoming:creator"]);
            if (op.method === "post" && op.path.includes("/payment-links")) {
              // Links are made for incoming requests by their creator; the target here is another client's outgoing request.
              expectProblem(await other.orchestrator(path, init), 404, "not_found", "client that may not read it");
            } else if (op.method === "post" && op.path.endsWith("/requests")) {
              const outgoingBody = outgoing();
              expectProblem(
                await other.orchestrator(path, { method: "POST", body: outgoingBody }),
                403,
                "permission_denied",
                "client without outgoing:creator",
              );
            } else if (hasTenantParams) {
              expectProblem(await other.orchestrator(path, init), 404, "not_found", "client without a reader permission");
            }
            // A reader past its expiresAt is like a revoked one (API v1.2): it creates nothing and reads nothing but its own.
            const expired = await newClient(a.r, a.dst, "Expired reader", [
              "incoming:creator",
              "outgoing:creator",
              "incoming:reader",
              "outgoing:reader",
            ]);
            await runInDurableObject(authority(env, a.dst), (_i, state) => {
              state.storage.sql.exec("UPDATE clients SET expires_at = ? WHERE id = ?", Date.now() - 1000, expired.id);
            });
            const late = await expired.orchestrator(path, init);
            if (op.method === "post" && (op.path.endsWith("/requests") || op.path === "/v1/webhook-endpoints"))
              expectProblem(late, 403, "client_expired", "expired reader");
            else if (hasTenantParams) expectProblem(late, 404, "not_found", "expired reader");
            else {
              expect(late.status, `expired reader → ${where}`).toBeLessThan(300);
              for (const foreign of [a.req.id, a.shop.id]) expect(late.text, `expired reader → ${where}`).not.toContain(foreign);
            }
            await a.r.api(`/api/destinations/${a.dst}/clients/${a.shop.id}/revoke`, { method: "POST" });
            const revoked = await a.shop.orchestrator(path, init);
            // A revoked client creates nothing, and still reads (and may delete or cancel) what it made, and reports its payments
            // (here an outgoing request, which only the recipient marks paid: 409).
            if (op.path.endsWith("/payments")) expectProblem(revoked, 409, "invalid_state", "revoked client's own payment");
            else if (op.method === "post" && !op.path.endsWith("/cancel")) expectProblem(revoked, 403, "client_revoked", "revoked client");
            else expect(revoked.status, `revoked client on its own → ${where}`).toBeLessThan(300);
          }

          if (kind(op) === "public") {
            const res = await call(path, init);
            expect(res.status, `anyone → ${where}`).toBeLessThan(500);
          }
        }
      },
    );
});
