import { describe, it } from "vitest";
import { BODIES, RANK, declaredRole, destinationScoped, fill, key, operations, tenant } from "../helpers/matrix";

/**
 * The members' authorization matrix (API v1.2 "Teams"), generated from
 * /openapi.json like authorization.test.ts: every operation under
 * `/api/destinations/{destinationId}` must declare the role it needs (a new
 * one without it fails here), and is then called by a member removed a
 * moment ago (404, as for a stranger), by each role below the declared one
 * (403 permission_denied naming the role, before anything changes) and by
 * the least role that may (let through to the handler).
 */
const OPS = await operations();
const SCOPED = OPS.filter(destinationScoped);

describe("role matrix over every destination operation", () => {
  it("declares a member role on every route under a destination (a new one without it fails here)", ({ expect }) => {
    expect(SCOPED.length).toBeGreaterThanOrEqual(30);
    expect(SCOPED.filter((op) => !(declaredRole(op)! in RANK)).map(key)).toEqual([]);
    // The defaults: a read needs a viewer, a change an admin; members and the claim are the owner's.
    const roleOf = (k: string) => declaredRole(OPS.find((op) => key(op) === k)!);
    expect(roleOf("get /api/destinations/{destinationId}/requests")).toBe("viewer");
    expect(roleOf("post /api/destinations/{destinationId}/clients")).toBe("admin");
    expect(roleOf("post /api/destinations/{destinationId}/invitations")).toBe("owner");
    expect(roleOf("post /api/destinations/{destinationId}/claim")).toBe("owner");
  });

  for (const op of SCOPED)
    it(
      `${key(op)}: a removed member 404, a lower role 403 naming the one needed, the least allowed role let through`,
      { timeout: 120_000 },
      async ({ expect }) => {
        const a = await tenant({ team: true });
        const team = a.team!;
        const path = fill(op.path, a.params);
        const body = BODIES[key(op)];
        const init = { method: op.method.toUpperCase(), ...(body === undefined ? {} : { body }) };
        const where = key(op);
        const needed = declaredRole(op)!;

        const gone = await team.removed.api(path, init);
        expect([gone.status, gone.json?.code], `removed member → ${where}`).toEqual([404, "not_found"]);
        expect(gone.text, `removed member → ${where}`).not.toContain(a.r.email);
        // Below the route's role: 403 naming it, and nothing changed (the allowed call below still succeeds).
        for (const role of ["viewer", "admin"] as const)
          if (RANK[role] < RANK[needed]) {
            const res = await team[role].api(path, init);
            expect([res.status, res.json?.code], `${role} → ${where}`).toEqual([403, "permission_denied"]);
            expect(res.json.detail, `${role} → ${where}`).toContain(`${needed} role`);
          }
        // The least role that may call it is let through (whatever the handler then answers: 2xx, or 409 for a claim).
        const least = needed === "owner" ? a.r : team[needed];
        const allowed = await least.api(path, init);
        expect(allowed.status, `${needed} → ${where}: ${allowed.text}`).toBeLessThan(500);
        expect([401, 403, 404], `${needed} → ${where}: ${allowed.text}`).not.toContain(allowed.status);
      },
    );
});
