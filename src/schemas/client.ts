import { z } from "@hono/zod-openapi";
import { DestinationParams } from "./destination";
import { humanText } from "./text";
import { DEFAULT_PERMISSIONS, PERMISSIONS } from "../credentials/permissions";
import { idPattern } from "../lib/ids";

export const PermissionSchema = z.enum(PERMISSIONS);

export const ClientCreateSchema = z
  .object({
    name: humanText("a name", 100).openapi({ example: "Shopify store" }),
    permissions: z
      .array(PermissionSchema)
      .min(1)
      .refine((p) => new Set(p).size === p.length, "List each permission once.")
      .default([...DEFAULT_PERMISSIONS]),
  })
  .strict()
  .openapi("ClientCreate", { example: { name: "Shopify store", permissions: ["incoming:creator", "incoming:reader"] } });

export const ClientSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    permissions: z.array(PermissionSchema),
    status: z.enum(["active", "revoked"]),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    secretHint: z.string().openapi({ example: "prsk_…7q2k" }),
  })
  .openapi("Client");

export const ClientWithSecretSchema = ClientSchema.extend({
  secret: z.string().openapi({ description: "Shown once, never again. Payrelay keeps only its SHA-256." }),
}).openapi("ClientWithSecret");

export const ClientParams = DestinationParams.extend({
  clientId: z
    .string()
    .regex(idPattern("cli"), "Not a client id.")
    .openapi({ param: { name: "clientId", in: "path" } }),
});
