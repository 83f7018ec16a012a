import { z } from "@hono/zod-openapi";
import { DestinationParams } from "./destination";
import { humanText } from "./text";
import { DEFAULT_PERMISSIONS, PERMISSIONS } from "../credentials/permissions";
import { idPattern } from "../lib/ids";
import { ClientLimitsInputSchema, ClientLimitsSchema } from "./client-limits";

export const PermissionSchema = z.enum(PERMISSIONS);

export const ClientCreateSchema = z
  .object({
    name: humanText("a name", 100).openapi({ example: "Shopify store" }),
    permissions: z
      .array(PermissionSchema)
      .min(1)
      .refine((p) => new Set(p).size === p.length, "List each permission once.")
      .default([...DEFAULT_PERMISSIONS]),
    limits: ClientLimitsInputSchema.optional(),
  })
  .strict()
  .openapi("ClientCreate", { example: { name: "Shopify store", permissions: ["incoming:creator", "incoming:reader"] } });

const EXAMPLE_CLIENT = {
  id: "cli_7h2k9d4f1s6g3j8l",
  name: "Shop",
  permissions: ["incoming:creator", "outgoing:creator"],
  status: "active",
  createdAt: "2026-12-01T09:00:00.000Z",
  revokedAt: null,
  lastUsedAt: "2026-12-03T13:31:35.000Z",
  secretHint: "prsk_…7q2k",
  limits: { outgoingBudget: null, autoApproveUpTo: null, expiresAt: null, extendOnUseSeconds: null, createsPerMinute: 600 },
  spent: null,
  remaining: null,
  expiresAt: null,
};

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
    limits: ClientLimitsSchema,
    spent: z
      .string()
      .nullable()
      .openapi({ description: "Reserved by open and approved outgoing requests and spent by paid ones, in the budget's currency." }),
    remaining: z.string().nullable().openapi({ description: "What the outgoing budget has left; null without a budget." }),
    expiresAt: z.string().nullable().openapi({ description: "When the client stops creating; moved by extendOnUseSeconds." }),
  })
  .openapi("Client", { example: EXAMPLE_CLIENT });

// Not a real secret (nor shaped like one), so no scanner flags the document.
const EXAMPLE_SECRET = "prsk_…shown-once…";

export const ClientWithSecretSchema = ClientSchema.extend({
  secret: z.string().openapi({ description: "Shown once, never again. Payrelay keeps only its SHA-256." }),
}).openapi("ClientWithSecret", { example: { ...EXAMPLE_CLIENT, secret: EXAMPLE_SECRET } });

export const RotatedClientSchema = ClientWithSecretSchema.extend({
  previousSecretExpiresAt: z.string().openapi({ description: "Until then the previous secret works too." }),
}).openapi("RotatedClient", {
  example: { ...EXAMPLE_CLIENT, secret: EXAMPLE_SECRET, previousSecretExpiresAt: "2026-12-04T13:31:35.000Z" },
});

export const ClientParams = DestinationParams.extend({
  clientId: z
    .string()
    .regex(idPattern("cli"), "Not a client id.")
    .openapi({ param: { name: "clientId", in: "path" } }),
});
