import { createMiddleware } from "hono/factory";
import { database } from "../../db/client";
import type { MemberRole } from "../../db/schema";
import type { AppEnv } from "../../env";
import { idPattern } from "../../lib/ids";
import { ApiError, notFound } from "../../lib/problem";

const DESTINATION_ID = idPattern("dst");
import { hasRole, membershipOf, roleDenied } from "../../accounts/membership";

/**
 * The recipient's auth, second half, for every `/api/destinations/{destinationId}/…`
 * route: the signed-in user must be a member (else 404: a destination you are
 * not in does not exist for you) with at least `needed` (else 403 naming it).
 * `self` names a path parameter that, when it is the caller's own user id,
 * lowers the need to membership alone (a member may always leave).
 * defineRoute adds it from the route's declaration; handlers read
 * `c.var.destination` and never query ownership again.
 */
export const requireRole = (needed: MemberRole, self?: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const destinationId = c.req.param("destinationId") ?? "";
    // Malformed ids are the validator's 400, as before any lookup: it says nothing about anyone's destinations.
    if (!DESTINATION_ID.test(destinationId))
      throw new ApiError("validation_failed", "Not a destination id.", [{ path: "destinationId", message: "Not a destination id." }]);
    const m = await membershipOf(database(c.env.DB), c.var.user.id, destinationId);
    if (!m) throw notFound("destination");
    const own = self !== undefined && c.req.param(self) === c.var.user.id;
    if (!own && !hasRole(m.role, needed)) throw roleDenied(needed, m.role);
    c.set("destination", m.destination);
    c.set("member", { role: m.role, claimerEmail: m.claimerEmail });
    await next();
  });
