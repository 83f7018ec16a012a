import { SigningKeySchema } from "../clients/signing/signing-key";
import { z } from "@hono/zod-openapi";
import { isDecimalAmount } from "../lib/money";

/** The longest a client's expiry may be extended per use, and the highest create rate a recipient may grant. */
export const MAX_EXTEND_SECONDS = 366 * 24 * 3600;
export const MAX_CREATES_PER_MINUTE = 6000;

const LimitMoneySchema = z
  .object({
    amount: z
      .string()
      .refine(isDecimalAmount, 'Enter an amount greater than zero as a decimal string such as "100.00".')
      .openapi({ example: "100.00" }),
    currency: z
      .string()
      .regex(/^[A-Za-z0-9.]{1,11}$/, "Enter the destination's token symbol or the fiat it is pegged to.")
      .openapi({ example: "USD" }),
  })
  .strict();

/**
 * A client's limits as the recipient sets them, at creation or by PATCH. Each
 * key is optional; in a PATCH an absent key keeps its value and `null` removes
 * the limit. Money is in the destination's token or its peg (USD for USDC),
 * which measure the same value.
 */
export const ClientLimitsInputSchema = z
  .object({
    outgoingBudget: LimitMoneySchema.nullable().optional().openapi({
      description:
        "The most this client's open and approved outgoing requests may add up to; rejected, cancelled and expired ones give theirs back.",
    }),
    autoApproveUpTo: LimitMoneySchema.nullable().optional().openapi({
      description: "An outgoing request of at most this amount is approved at creation (its request.approved event's actor is system).",
    }),
    expiresAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .optional()
      .refine((v) => v === undefined || v === null || Date.parse(v) > Date.now(), "Must be in the future.")
      .openapi({
        example: "2027-01-31T00:00:00Z",
        description: "After this the client creates nothing (403 client_expired) and reads only its own requests.",
      }),
    extendOnUseSeconds: z
      .number()
      .int()
      .min(1)
      .max(MAX_EXTEND_SECONDS)
      .nullable()
      .optional()
      .openapi({ description: "Each admitted create moves expiresAt to at least now + this." }),
    createsPerMinute: z
      .number()
      .int()
      .min(1)
      .max(MAX_CREATES_PER_MINUTE)
      .nullable()
      .optional()
      .openapi({ description: "Creates (requests and payment links) a minute; default 600. Over it: 429 rate_limited." }),
  })
  .strict()
  .openapi("ClientLimitsInput");

export type ClientLimitsInput = z.infer<typeof ClientLimitsInputSchema>;

const MoneyViewSchema = z.object({ amount: z.string(), currency: z.string() }).nullable();

export const ClientLimitsSchema = z
  .object({
    outgoingBudget: MoneyViewSchema,
    autoApproveUpTo: MoneyViewSchema,
    expiresAt: z.string().nullable(),
    extendOnUseSeconds: z.number().int().nullable(),
    createsPerMinute: z.number().int(),
  })
  .openapi("ClientLimits");

export const ClientPatchSchema = z
  .object({
    limits: ClientLimitsInputSchema.optional(),
    signingKey: SigningKeySchema.nullable()
      .optional()
      .openapi({ description: "A new public JWK to verify this client's signatures with; null removes it." }),
    requireSignedRequests: z.boolean().optional().openapi({ description: "Whether every /v1 and /mcp POST must be signed." }),
  })
  .strict()
  .refine((p) => p.limits !== undefined || p.signingKey !== undefined || p.requireSignedRequests !== undefined, {
    message: "Send limits, signingKey or requireSignedRequests.",
  })
  .openapi("ClientPatch", {
    example: {
      limits: {
        outgoingBudget: { amount: "500.00", currency: "USDC" },
        autoApproveUpTo: { amount: "25.00", currency: "USDC" },
        extendOnUseSeconds: 2_592_000,
        createsPerMinute: 120,
      },
    },
  });

/** Default and longest overlap of a rotated-out secret: 24 hours and 7 days. */
export const DEFAULT_OVERLAP_SECONDS = 86_400;
export const MAX_OVERLAP_SECONDS = 604_800;

export const RotateSecretSchema = z
  .object({
    overlapSeconds: z
      .number()
      .int()
      .min(0)
      .max(MAX_OVERLAP_SECONDS)
      .default(DEFAULT_OVERLAP_SECONDS)
      .openapi({ description: "How long the old secret keeps working (default 86400, at most 604800)." }),
  })
  .strict()
  .openapi("RotateClientSecret", { example: { overlapSeconds: 86_400 } });
