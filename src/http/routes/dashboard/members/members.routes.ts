import { defineRoute } from "../../../define-route";
import { DestinationParams, DestinationSchema } from "../../../../destinations/destination.schemas";
import { jsonBody, jsonResponse } from "../../../content";
import {
  InvitationCreateSchema,
  InvitationCreatedSchema,
  InvitationListSchema,
  InvitationParams,
  InvitationTokenParams,
  MemberListSchema,
  MemberParams,
  MemberPatchSchema,
  MemberSchema,
} from "../../../../accounts/member.schemas";
import { BODY_PROBLEMS, problems } from "../../../../lib/problem.schemas";

const tags = ["Dashboard: members"];
const base = "/api/destinations/{destinationId}";

export const listMembers = defineRoute("session", {
  operationId: "listMembers",
  method: "get",
  path: `${base}/members`,
  tags,
  summary: "The people of a destination and their roles",
  request: { params: DestinationParams },
  responses: { 200: jsonResponse(MemberListSchema, "Members, earliest first"), ...problems(401) },
});

export const updateMember = defineRoute("session", {
  operationId: "updateMemberRole",
  method: "patch",
  path: `${base}/members/{userId}`,
  role: "owner",
  tags,
  summary: "Change a member's role",
  description: "The last owner cannot be demoted (409 conflict). Audited as member.role_changed.",
  request: { params: MemberParams, body: jsonBody(MemberPatchSchema) },
  responses: { 200: jsonResponse(MemberSchema, "The member with the new role"), ...problems(...BODY_PROBLEMS, 401, "conflict") },
});

export const removeMember = defineRoute("session", {
  operationId: "removeMember",
  method: "delete",
  path: `${base}/members/{userId}`,
  role: "owner",
  roleExceptSelf: "userId",
  tags,
  summary: "Remove a member, or leave",
  description:
    "An owner removes anyone; every member may remove themselves (leave). The last owner cannot leave (409 conflict). The removed member's access ends with their next request. Audited as member.removed.",
  request: { params: MemberParams },
  responses: { 204: { description: "Removed" }, ...problems(401, "permission_denied", "conflict") },
});

export const createInvitation = defineRoute("session", {
  operationId: "createInvitation",
  method: "post",
  path: `${base}/invitations`,
  role: "owner",
  tags,
  summary: "Invite someone by email with a role; the link is shown once",
  description:
    "Payrelay sends no email: pass the url on. It is valid 7 days, single use, and only its hash is stored; inviting the same email again withdraws the earlier link. An existing member is 409 conflict. Audited as member.invited.",
  request: { params: DestinationParams, body: jsonBody(InvitationCreateSchema) },
  responses: { 201: jsonResponse(InvitationCreatedSchema, "Invited"), ...problems(...BODY_PROBLEMS, 401, "conflict", 503) },
});

export const listInvitations = defineRoute("session", {
  operationId: "listInvitations",
  method: "get",
  path: `${base}/invitations`,
  role: "owner",
  tags,
  summary: "Open invitations (not accepted, not expired), without their links",
  request: { params: DestinationParams },
  responses: { 200: jsonResponse(InvitationListSchema, "Open invitations, newest first"), ...problems(401) },
});

export const withdrawInvitation = defineRoute("session", {
  operationId: "withdrawInvitation",
  method: "delete",
  path: `${base}/invitations/{invitationId}`,
  role: "owner",
  tags,
  summary: "Withdraw an open invitation; its link stops working",
  request: { params: InvitationParams },
  responses: { 204: { description: "Withdrawn" }, ...problems(401) },
});

export const acceptInvitation = defineRoute("session", {
  operationId: "acceptInvitation",
  method: "post",
  path: "/api/invitations/{token}/accept",
  tags,
  summary: "Join a destination with an invitation's link",
  description:
    "The signed-in user's email must be the invited one (403 permission_denied otherwise). An unknown, used or withdrawn link is 404, one past its 7 days 410 link_expired, an existing member 409. Audited as member.joined.",
  request: { params: InvitationTokenParams },
  responses: {
    200: jsonResponse(DestinationSchema, "The destination joined, with your role"),
    ...problems(400, 401, "permission_denied", 404, "conflict", 410),
  },
});
