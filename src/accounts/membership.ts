import { and, eq, sql } from "drizzle-orm";
import { preparedOnce, type Database } from "../db/client";
import { destinationMembers, destinations, users, type DestinationRow, type MemberRole } from "../db/schema";
import { ApiError, notFound } from "../lib/problem";

/** owner ⊃ admin ⊃ viewer: a role may do what every lower one may. */
export const ROLE_RANK: Record<MemberRole, number> = { viewer: 0, admin: 1, owner: 2 };

export const hasRole = (role: MemberRole, needed: MemberRole) => ROLE_RANK[role] >= ROLE_RANK[needed];

/** A destination as one member sees it: the row, their role, and who claimed it (the claim's audit actor). */
export type Membership = { destination: DestinationRow; role: MemberRole; claimerEmail: string };

/**
 * The ownership check every dashboard route makes, with the role in the same
 * query: the member row is the join's key, so a non-member (another
 * recipient, or a member removed a moment ago) finds nothing and gets 404,
 * and a role costs no extra D1 round trip. Prepared once per isolate.
 */
export async function membershipOf(db: Database, userId: string, destinationId: string): Promise<Membership | null> {
  const query = preparedOnce(db, "membership", (d) =>
    d
      .select({ destination: destinations, role: destinationMembers.role, claimerEmail: users.email })
      .from(destinationMembers)
      .innerJoin(destinations, eq(destinations.id, destinationMembers.destinationId))
      .innerJoin(users, eq(users.id, destinations.userId))
      .where(
        and(
          eq(destinationMembers.destinationId, sql.placeholder("destinationId")),
          eq(destinationMembers.userId, sql.placeholder("userId")),
        ),
      )
      .prepare(),
  );
  return (await query.get({ destinationId, userId })) ?? null;
}

const ARTICLE: Record<MemberRole, string> = { owner: "an owner", admin: "an admin", viewer: "a viewer" };

/** The contract's refusal for a member whose role is too low: 403 naming the role needed. */
export const roleDenied = (needed: MemberRole, role: MemberRole) =>
  new ApiError(
    "permission_denied",
    `This needs the ${needed} role${needed === "owner" ? "" : " or higher"} on this destination; you are ${ARTICLE[role]}.`,
  );

/** The membership or 404, and 403 when the role is below `needed`. */
export async function requireMembership(db: Database, userId: string, destinationId: string, needed: MemberRole): Promise<Membership> {
  const m = await membershipOf(db, userId, destinationId);
  if (!m) throw notFound("destination");
  if (!hasRole(m.role, needed)) throw roleDenied(needed, m.role);
  return m;
}

/** The signed-in member as every audit entry and transition names them: id and email. */
