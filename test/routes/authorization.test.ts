import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { authority } from "../../src/authority/stub";
import { advanceAuthorityClock, lapseCredentialInD1 } from "../helpers/authority";
import { call, newClient, outgoing, signUp } from "../helpers/api";
import { BODIES, SAFE, fill, forgedSecret, key, kind, operations, tenant } from "../helpers/matrix";

/**
 * The authorization matrix, generated from /openapi.json: every operation the
 * document lists is called by every kind of actor, and each answer must be
 * the contract's exact status and code, with no other tenant's data. A new
 * route joins the matrix by being in the document; one without a body
 * fixture (test/helpers/matrix.ts) fails this test until it gets one. The
 * members' roles have their own matrix (authorization-roles.test.ts), so
 * neither file builds more objects than one test isolate holds.
 */
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
          const path = fill(
            op.path,
            op.path.startsWith("/v1/") ? a.v1Params : op.path.startsWith("/api/invitations/") ? a.inviteParams : a.params,
          );
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
          const hasTenantParams = /\{(id|destinationId|clientId|requestId|endpointId|userId|invitationId)\}/.test(op.path);

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
            const hour = 3_600_000;
            const limits = { expiresAt: new Date(Date.now() + hour).toISOString() };
            expect((await a.r.api(`/api/destinations/${a.dst}/clients/${expired.id}`, { method: "PATCH", body: { limits } })).status).toBe(
              200,
            );
            await advanceAuthorityClock(authority(env, a.dst), hour + 1000);
            await lapseCredentialInD1(expired.id);
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
            // Testing and retrying its own endpoints creates nothing: its endpoints keep receiving its own requests' events.
            else if (op.method === "post" && !/\/(cancel|test|retry)$/.test(op.path))
              expectProblem(revoked, 403, "client_revoked", "revoked client");
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
