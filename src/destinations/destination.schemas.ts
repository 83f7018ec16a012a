import { z } from "@hono/zod-openapi";
import { humanText } from "../lib/human-text";
import { MEMBER_ROLES } from "../db/schema";
import { idPattern } from "../lib/ids";
import { isEvmAddress } from "../lib/interop-address";

const address = (what: string) =>
  z
    .string()
    .refine(isEvmAddress, `The ${what} must be a 0x-prefixed 20-byte hex address.`)
    .openapi({ example: "0xFe89cc7aBB2C4183683ab71653C4cdc9B02D44b7" });

/** What payers see as "who asks for money" (API v1.2): public, unlike the label, which is the recipient's own note. */
const displayName = humanText("a display name", 80).openapi({
  description: "The name payers see on the pay page (1–80 characters). The label stays private to you.",
  example: "Acme Ltd",
});

export const DestinationCreateSchema = z
  .object({
    chainId: z
      .number()
      .int()
      .min(1)
      .max(2 ** 53 - 1)
      .openapi({ example: 1 }),
    walletAddress: address("wallet"),
    tokenAddress: address("token").openapi({ example: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48" }),
    label: humanText("a label", 100).optional().openapi({ example: "Main USDC" }),
    displayName: displayName.optional(),
    tokenSymbol: z
      .string()
      .regex(/^[A-Za-z0-9.]{1,11}$/, "Enter the token's symbol: 1 to 11 letters, digits or dots.")
      .optional()
      .openapi({ description: "Required for a token Payrelay does not know; ignored for known ones.", example: "USDC" }),
    tokenDecimals: z
      .number()
      .int()
      .min(0)
      .max(36)
      .optional()
      .openapi({ description: "Required for a token Payrelay does not know.", example: 6 }),
  })
  .strict()
  .openapi("DestinationCreate", {
    example: {
      chainId: 8453,
      walletAddress: "0xFe89cc7aBB2C4183683ab71653C4cdc9B02D44b7",
      tokenAddress: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
      label: "Main USDC",
      displayName: "Acme Ltd",
    },
  });

/** PATCH /api/destinations/{id}: the names only (the wallet, chain and token never change); null clears one. */
export const DestinationUpdateSchema = z
  .object({
    label: humanText("a label", 100).nullable().optional().openapi({ example: "Main USDC" }),
    displayName: displayName.nullable().optional(),
  })
  .strict()
  .refine((b) => b.label !== undefined || b.displayName !== undefined, {
    message: "Give a label or a display name to change.",
    path: ["displayName"],
  })
  .openapi("DestinationUpdate", { example: { displayName: "Acme Ltd" } });

export const ClaimSchema = z
  .object({ signature: z.string().regex(/^0x[0-9a-fA-F]{130}$/, "Must be a 65-byte hex signature (0x + 130 hex digits).") })
  .strict()
  .openapi("DestinationClaim", { example: { signature: `0x${"5b".repeat(32)}${"3c".repeat(32)}1b` } });

export const DestinationSchema = z
  .object({
    id: z.string(),
    label: z.string().nullable().openapi({ description: "Your own note; payers never see it." }),
    displayName: z.string().nullable().openapi({ description: "The name payers see on the pay page; null until you set one." }),
    chainId: z.number(),
    walletAddress: z.string(),
    tokenAddress: z.string(),
    tokenSymbol: z.string(),
    tokenDecimals: z.number().int(),
    interopAddress: z
      .string()
      .openapi({ example: "0xFe89cc7aBB2C4183683ab71653C4cdc9B02D44b7@eip155:1#80B12379:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48" }),
    status: z.enum(["unclaimed", "claimed"]),
    claimChallenge: z
      .string()
      .nullable()
      .openapi({ description: "The exact text to sign with personal_sign (EIP-191); null once claimed or expired." }),
    claimChallengeExpiresAt: z.string().nullable(),
    claimedAt: z.string().nullable(),
    createdAt: z.string(),
    role: z.enum(MEMBER_ROLES).openapi({ description: "Your role on this destination (owner, admin or viewer)." }),
  })
  .openapi("Destination");

/** `{destinationId}` on every path, /api and /v1 alike: one name for one thing in the document (issue #14). */
export const DestinationParams = z.object({
  destinationId: z
    .string()
    .regex(idPattern("dst"), "Not a destination id.")
    .openapi({ param: { name: "destinationId", in: "path" }, example: "dst_0k3f9x2m7d4q8w1z" }),
});

/** The record pipeline as the recipient sees it (GET /api/destinations/{id}/health). */
export const DestinationHealthSchema = z
  .object({
    pendingWrites: z.number().int().openapi({ description: "Committed changes not yet in the read model; normally 0 within a second." }),
    oldestPendingAt: z.string().datetime().nullable().openapi({ description: "When the oldest change still waiting was committed." }),
    failedWrites: z.number().int().openapi({
      description: "Changes the read model refused 8 times or more: set aside, still retried every 6 hours, never blocking others.",
    }),
  })
  .openapi("DestinationHealth", { example: { pendingWrites: 0, oldestPendingAt: null, failedWrites: 0 } });
