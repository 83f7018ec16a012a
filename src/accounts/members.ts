import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import {
  destinationMembers,
  destinations,
  invitations,
  users,
  type DestinationRow,
  type InvitationRow,
  type MemberRole,
} from "../db/schema";
import { sha256Hex, randomToken } from "../lib/crypto";
import { newId } from "../lib/ids";
import { ApiError, notFound } from "../lib/problem";
import { isoTime } from "../lib/iso-time";

/** An invitation's link is valid for 7 days (API v1.2 "Teams"). */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

const LAST_OWNER = "A destination keeps at least one owner: make someone else an owner first.";

export async function listMembers(db: Database, destinationId: string) {
  const rows = await db
    .select({ userId: destinationMembers.userId, email: users.email, role: destinationMembers.role, addedAt: destinationMembers.addedAt })
    .from(destinationMembers)
    .innerJoin(users, eq(users.id, destinationMembers.userId))
    .where(eq(destinationMembers.destinationId, destinationId))
    .orderBy(asc(destinationMembers.addedAt), asc(destinationMembers.userId));
  return rows.map((r) => ({ ...r, addedAt: isoTime(r.addedAt) }));
}

/** Whether another owner remains besides `userId`: the guard of every demotion and removal, inside its statement. */
const anotherOwner = (destinationId: string, userId: string) =>
  sql`EXISTS (SELECT 1 FROM destination_members o WHERE o.destination_id = ${destinationId} AND o.role = 'owner' AND o.user_id <> ${userId})`;

const memberFilter = (destinationId: string, userId: string) =>
  and(eq(destinationMembers.destinationId, destinationId), eq(destinationMembers.userId, userId));

/** The member as they are now, with their email (for the audit entry and the 404). */
function memberRow(db: Database, destinationId: string, userId: string) {
  return db
    .select({ role: destinationMembers.role, email: users.email })
    .from(destinationMembers)
    .innerJoin(users, eq(users.id, destinationMembers.userId))
    .where(memberFilter(destinationId, userId));
}

/**
 * Changes a member's role. The last owner cannot be demoted: the guard is in
 * the UPDATE itself, so two owners demoting each other at once cannot both
 * succeed (D1 runs one statement at a time). Returns the role before.
 */
export async function changeRole(db: Database, destinationId: string, userId: string, role: MemberRole) {
  const [before, updated] = await db.batch([
    memberRow(db, destinationId, userId),
    db
      .update(destinationMembers)
      .set({ role })
      .where(
        and(
          memberFilter(destinationId, userId),
          sql`(${role} = 'owner' OR ${destinationMembers.role} <> 'owner' OR ${anotherOwner(destinationId, userId)})`,
        ),
      )
      .returning({ role: destinationMembers.role }),
  ]);
  const was = before[0];
  if (!was) throw notFound("member of this destination");
  if (updated.length === 0) throw new ApiError("conflict", `${was.email} is the last owner. ${LAST_OWNER}`);
  return { email: was.email, from: was.role, to: role };
}

/** Removes a member (or lets one leave), with the same last-owner guard; their next request finds no membership. */
export async function removeMember(db: Database, destinationId: string, userId: string) {
  const [before, deleted] = await db.batch([
    memberRow(db, destinationId, userId),
    db
      .delete(destinationMembers)
      .where(
        and(memberFilter(destinationId, userId), sql`(${destinationMembers.role} <> 'owner' OR ${anotherOwner(destinationId, userId)})`),
      )
      .returning({ role: destinationMembers.role }),
  ]);
  const was = before[0];
  if (!was) throw notFound("member of this destination");
  if (deleted.length === 0) throw new ApiError("conflict", `${was.email} is the last owner and cannot leave. ${LAST_OWNER}`);
  return { email: was.email, role: was.role };
}

export const invitationView = (row: Pick<InvitationRow, "id" | "email" | "role" | "createdAt" | "expiresAt">) => ({
  id: row.id,
  email: row.email,
  role: row.role,
  createdAt: isoTime(row.createdAt),
  expiresAt: isoTime(row.expiresAt),
});

/**
 * A new invitation: 409 when that email is already a member. An earlier open
 * invitation to the same email is withdrawn in the same batch, so only the
 * newest link works. Only the token's SHA-256 is stored; the token is returned
 * once, for the url.
 */
export async function createInvitation(db: Database, destinationId: string, email: string, role: MemberRole, invitedBy: string) {
  const existing = await db
    .select({ userId: users.id })
    .from(destinationMembers)
    .innerJoin(users, eq(users.id, destinationMembers.userId))
    .where(and(eq(destinationMembers.destinationId, destinationId), eq(users.email, email)))
    .get();
  if (existing) throw new ApiError("conflict", `${email} is already a member of this destination; change their role instead.`);
  const token = randomToken(24);
  const now = Date.now();
  const row: InvitationRow = {
    id: newId("inv"),
    destinationId,
    email,
    role,
    tokenHash: await sha256Hex(token),
    invitedBy,
    createdAt: now,
    expiresAt: now + INVITATION_TTL_MS,
    acceptedAt: null,
    acceptedBy: null,
  };
  await db.batch([
    db
      .delete(invitations)
      .where(and(eq(invitations.destinationId, destinationId), eq(invitations.email, email), isNull(invitations.acceptedAt))),
    db.insert(invitations).values(row),
  ]);
  return { row, token };
}

/** Open invitations (not accepted, not expired), newest first. */
export async function listInvitations(db: Database, destinationId: string, now = Date.now()) {
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.destinationId, destinationId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
    .orderBy(desc(invitations.createdAt));
  return rows.map(invitationView);
}

/** Withdraws an open invitation; its link stops working at once. 404 for an unknown, used or other destination's one. */
export async function withdrawInvitation(db: Database, destinationId: string, invitationId: string) {
  const [deleted] = await db
    .delete(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.destinationId, destinationId), isNull(invitations.acceptedAt)))
    .returning();
  if (!deleted) throw notFound("open invitation under this destination");
  return deleted;
}

/**
 * Accepts an invitation for the signed-in user. Single use: the UPDATE claims
 * it only while unaccepted, and the member row is inserted from the claimed
 * invitation in the same batch, so two accepts race to one member. 404 for an
 * unknown, used or withdrawn link; 410 past its 7 days; 403 when the user's
 * email is not the invited one (the invitation stays open); 409 for a member.
 */
export async function acceptInvitation(db: Database, token: string, user: { id: string; email: string }) {
  const tokenHash = await sha256Hex(token);
  const invitation = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).get();
  if (!invitation || invitation.acceptedAt !== null) throw notFound("invitation (it may have been used or withdrawn)");
  const now = Date.now();
  if (invitation.expiresAt <= now) throw new ApiError("link_expired", "This invitation has expired; ask for a new one.");
  if (invitation.email !== user.email.toLowerCase())
    throw new ApiError("permission_denied", "This invitation is for another email address: sign in with the address it was sent to.");
  const member = await db.select().from(destinationMembers).where(memberFilter(invitation.destinationId, user.id)).get();
  if (member) throw new ApiError("conflict", `You are already a member of this destination (${member.role}).`);
  const [claimed] = await db.batch([
    db
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: user.id })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id }),
    db
      .insert(destinationMembers)
      .select(
        db
          .select({
            destinationId: invitations.destinationId,
            userId: invitations.acceptedBy,
            role: invitations.role,
            addedAt: invitations.acceptedAt,
          })
          .from(invitations)
          .where(and(eq(invitations.id, invitation.id), eq(invitations.acceptedBy, user.id), eq(invitations.acceptedAt, now))),
      )
      .onConflictDoNothing(),
  ]);
  if (claimed.length === 0) throw notFound("invitation (it may have been used or withdrawn)");
  return invitation;
}

/**
 * The statement that makes a new destination's creator its owner, for the destination insert's batch
 * (destinations/destinations.ts): it joins the destination row, so when that insert found the destination already
 * added (409) it adds nothing. Every write to destination_members is in this module.
 */
export const creatorAsOwner = (db: Database, row: Pick<DestinationRow, "id" | "userId">) =>
  db
    .insert(destinationMembers)
    .select(
      db
        .select({
          destinationId: destinations.id,
          userId: destinations.userId,
          role: sql<MemberRole>`'owner'`.as("role"),
          addedAt: destinations.createdAt,
        })
        .from(destinations)
        .where(and(eq(destinations.id, row.id), eq(destinations.userId, row.userId))),
    )
    .onConflictDoNothing();
