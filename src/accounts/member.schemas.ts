import { z } from "@hono/zod-openapi";
import { MEMBER_ROLES } from "../db/schema";
import { idPattern } from "../lib/ids";
import { DestinationParams } from "../destinations/destination.schemas";

export const RoleSchema = z
  .enum(MEMBER_ROLES, { error: "Choose a role: owner, admin or viewer." })
  .openapi({ description: "owner: everything, members included; admin: clients, webhooks, requests, links; viewer: reads only." });

export const MemberSchema = z
  .object({
    userId: z.string().openapi({ example: "usr_4m2k8x9q3c7d1f0g" }),
    email: z.string().openapi({ example: "ada@example.com" }),
    role: RoleSchema,
    addedAt: z.string(),
  })
  .openapi("Member");

export const MemberListSchema = z.object({ data: z.array(MemberSchema) }).openapi("MemberList");

export const MemberPatchSchema = z
  .object({ role: RoleSchema })
  .strict()
  .openapi("MemberPatch", { example: { role: "viewer" } });

export const MemberParams = DestinationParams.extend({
  userId: z
    .string()
    .regex(idPattern("usr"), "Not a user id.")
    .openapi({ param: { name: "userId", in: "path" }, example: "usr_4m2k8x9q3c7d1f0g" }),
});

export const InvitationCreateSchema = z
  .object({
    email: z
      .email({ error: "Enter the email address of the person to invite." })
      .max(254)
      .transform((e) => e.toLowerCase())
      .openapi({ example: "accounts@example.com" }),
    role: RoleSchema,
  })
  .strict()
  .openapi("InvitationCreate", { example: { email: "accounts@example.com", role: "admin" } });

export const InvitationSchema = z
  .object({
    id: z.string().openapi({ example: "inv_9d3k2m8x4q7c1f0g" }),
    email: z.string(),
    role: RoleSchema,
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi("Invitation");

export const InvitationCreatedSchema = InvitationSchema.extend({
  url: z.string().openapi({
    description: "The link to accept: shown once, valid 7 days, single use. Payrelay sends no email: pass it on yourself.",
    example: "https://payrelay.example/invitations/3q2kx9m4c3d8f1gh9d3k2m8x4q7c1f0g",
  }),
}).openapi("InvitationCreated");

export const InvitationListSchema = z.object({ data: z.array(InvitationSchema) }).openapi("InvitationList");

export const InvitationParams = DestinationParams.extend({
  invitationId: z
    .string()
    .regex(idPattern("inv"), "Not an invitation id.")
    .openapi({ param: { name: "invitationId", in: "path" }, example: "inv_9d3k2m8x4q7c1f0g" }),
});

export const InvitationTokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{32}$/, "Not an invitation link.")
    .openapi({ param: { name: "token", in: "path" }, example: "3q2kx9m4c3d8f1gh9d3k2m8x4q7c1f0g" }),
});
