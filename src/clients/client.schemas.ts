import { z } from "@hono/zod-openapi";
import { DestinationParams } from "../destinations/destination.schemas";
import { humanText } from "../lib/human-text";
import { CLIENT_STATUSES, DEFAULT_PERMISSIONS, PERMISSIONS } from "./credentials/permissions";
import { idPattern } from "../lib/ids";
import { ClientLimitsInputSchema, ClientLimitsSchema } from "../limits/client-limits.schemas";
import { SigningKeySchema } from "./signing/signing-key";

/** The key as stored and shown (only the members that define it, and its kid). */
export const SigningKeyViewSchema = z
  .object({
    kty: z.enum(["OKP", "EC"]),
    crv: z.enum(["Ed25519", "P-256"]),
    x: z.string(),
    y: z.string().optional(),
    kid: z.string().optional(),
  })
  .openapi("SigningKeyView");

const requireSignedRequests = z.boolean().openapi({
  description:
    "Every /v1 and /mcp POST of this client must then carry an RFC 9421 signature labelled `payrelay` (covering @method, @target-uri, content-digest, authorization; created at most 300 s old), or it is 401 signature_invalid. Needs signingKey.",
});

const NEEDS_KEY = { message: "Requiring signed requests needs a signing key.", path: ["requireSignedRequests"] };

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
    signingKey: SigningKeySchema.optional(),
    requireSignedRequests: requireSignedRequests.default(false),
  })
  .strict()
  .refine((c) => !c.requireSignedRequests || c.signingKey !== undefined, NEEDS_KEY)
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
  signingKey: null,
  requireSignedRequests: false,
};

export const ClientSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    permissions: z.array(PermissionSchema),
    status: z.enum(CLIENT_STATUSES),
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
    signingKey: SigningKeyViewSchema.nullable().openapi({ description: "The public key this client signs requests with." }),
    requireSignedRequests: z.boolean(),
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
