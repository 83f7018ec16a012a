import { z } from "@hono/zod-openapi";

export const AuditEntrySchema = z
  .object({
    id: z.string().openapi({ example: "aud_7q2kx9m4c3d8f1gh" }),
    at: z.string(),
    actor: z
      .object({
        type: z.enum(["user", "client", "system"]),
        userId: z.string().optional(),
        clientId: z.string().optional(),
        via: z.literal("mcp").optional().openapi({ description: "Present when the client acted through the MCP endpoint (/mcp)." }),
      })
      .openapi({ description: "The recipient (user), a client by its secret, or Payrelay itself (expiry, auto-approval)." }),
    action: z.string().openapi({ example: "client.secret_rotated" }),
    target: z.object({ type: z.enum(["destination", "client", "request", "webhook_endpoint"]), id: z.string() }),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEntry");

export const AuditPageSchema = z.object({ data: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }).openapi("AuditPage");
