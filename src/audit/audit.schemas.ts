import { z } from "@hono/zod-openapi";

/** What an audit entry can be about; a member.* entry names the member by user id. */
export const AUDIT_TARGET_TYPES = ["destination", "client", "request", "webhook_endpoint", "member", "invitation"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export const AuditEntrySchema = z
  .object({
    id: z.string().openapi({ example: "aud_7q2kx9m4c3d8f1gh" }),
    at: z.string(),
    actor: z
      .object({
        type: z.enum(["user", "client", "system"]),
        userId: z.string().optional().openapi({ description: "A user actor's id (entries before teams may lack it)." }),
        email: z.string().optional().openapi({ description: "A user actor's email when they acted (entries before teams may lack it)." }),
        clientId: z.string().optional(),
        via: z.literal("mcp").optional().openapi({ description: "Present when the client acted through the MCP endpoint (/mcp)." }),
      })
      .openapi({
        description: "A member (user, with userId and email), a client by its secret, or Payrelay itself (expiry, auto-approval).",
      }),
    action: z.string().openapi({ example: "client.secret_rotated" }),
    target: z.object({
      type: z.enum(AUDIT_TARGET_TYPES),
      id: z.string().openapi({ description: "The object's id; a member's user id for member.* entries." }),
    }),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEntry");

export const AuditPageSchema = z.object({ data: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }).openapi("AuditPage");

/** `?actor=`: one member (usr_…), one client (cli_…) or `system`. */
export const AuditActorQuery = z
  .string()
  .regex(/^(system|usr_[0-9a-z]{16}|cli_[0-9a-z]{16})$/, "Give a user id (usr_…), a client id (cli_…) or system.")
  .optional()
  .openapi({ description: "Only this actor's entries: a member's user id, a client id, or `system`.", example: "usr_4m2k8x9q3c7d1f0g" });
