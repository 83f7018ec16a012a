import { userActor } from "../../../../lib/actor";
import { database } from "../../../../db/client";
import type { AppRouteHandler as H } from "../../../create-router";
import { ApiError } from "../../../../lib/problem";
import { publicOrigin } from "../../../../lib/public-origin";
import { authority } from "../../../../authority/stub";
import { destinationProfile, requireClaimed, serializeDestination } from "../../../../destinations/destinations";
import * as members from "../../../../accounts/members";
import { membershipOf } from "../../../../accounts/membership";
import type { AppEnv } from "../../../../env";
import type { Context } from "hono";
import type { AuditEntry } from "../../../../audit/audit-log";
import type {
  acceptInvitation,
  createInvitation,
  listInvitations,
  listMembers,
  removeMember,
  updateMember,
  withdrawInvitation,
} from "./members.routes";

/** Enters a member change, just made in D1, in the destination's audit log (its authority). */
const audit = (c: Context<AppEnv>, entry: Omit<AuditEntry, "at" | "actor">) =>
  authority(c.env, c.var.destination.id).recordMemberChange(destinationProfile(c.var.destination, c.var.member.claimerEmail), {
    ...entry,
    actor: userActor(c.var.user),
  });

export const listHandler: H<typeof listMembers> = async (c) =>
  c.json({ data: await members.listMembers(database(c.env.DB), c.var.destination.id) }, 200);

export const updateHandler: H<typeof updateMember> = async (c) => {
  const d = requireClaimed(c.var.destination);
  const { userId } = c.req.valid("param");
  const { role } = c.req.valid("json");
  const change = await members.changeRole(database(c.env.DB), d.id, userId, role);
  if (change.from !== change.to)
    await audit(c, {
      action: "member.role_changed",
      target: { type: "member", id: userId },
      details: { email: change.email, from: change.from, to: change.to },
    });
  const member = (await members.listMembers(database(c.env.DB), d.id)).find((m) => m.userId === userId)!;
  return c.json(member, 200);
};

export const removeHandler: H<typeof removeMember> = async (c) => {
  const d = requireClaimed(c.var.destination);
  const { userId } = c.req.valid("param");
  const removed = await members.removeMember(database(c.env.DB), d.id, userId);
  await audit(c, {
    action: "member.removed",
    target: { type: "member", id: userId },
    details: { email: removed.email, role: removed.role, ...(userId === c.var.user.id ? { left: true } : {}) },
  });
  return c.body(null, 204);
};

export const inviteHandler: H<typeof createInvitation> = async (c) => {
  const d = requireClaimed(c.var.destination);
  const { email, role } = c.req.valid("json");
  const origin = publicOrigin(c.env, c.req.url); // before anything is stored: no link, no invitation
  const { row, token } = await members.createInvitation(database(c.env.DB), d.id, email, role, c.var.user.id);
  await audit(c, { action: "member.invited", target: { type: "invitation", id: row.id }, details: { email, role } });
  return c.json({ ...members.invitationView(row), url: `${origin}/invitations/${token}` }, 201);
};

export const listInvitationsHandler: H<typeof listInvitations> = async (c) =>
  c.json({ data: await members.listInvitations(database(c.env.DB), c.var.destination.id) }, 200);

export const withdrawHandler: H<typeof withdrawInvitation> = async (c) => {
  const d = c.var.destination;
  const withdrawn = await members.withdrawInvitation(database(c.env.DB), d.id, c.req.valid("param").invitationId);
  if (d.status === "claimed")
    await audit(c, {
      action: "member.invitation_withdrawn",
      target: { type: "invitation", id: withdrawn.id },
      details: { email: withdrawn.email, role: withdrawn.role },
    });
  return c.body(null, 204);
};

export const acceptHandler: H<typeof acceptInvitation> = async (c) => {
  const db = database(c.env.DB);
  const invitation = await members.acceptInvitation(db, c.req.valid("param").token, c.var.user);
  const joined = await membershipOf(db, c.var.user.id, invitation.destinationId);
  if (!joined) throw new ApiError("conflict", "You were removed from this destination just after joining it.");
  await authority(c.env, invitation.destinationId).recordMemberChange(destinationProfile(joined.destination, joined.claimerEmail), {
    actor: userActor(c.var.user),
    action: "member.joined",
    target: { type: "member", id: c.var.user.id },
    details: { email: c.var.user.email, role: joined.role, invitationId: invitation.id },
  });
  return c.json(serializeDestination(joined.destination, joined.role), 200);
};
