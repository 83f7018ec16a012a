import { z } from "@hono/zod-openapi";
import { humanText } from "../lib/human-text";

const TX_HASH = /^0x[0-9a-fA-F]{64}$/;
const txHash = z
  .string()
  .regex(TX_HASH, "Must be a 0x-prefixed 32-byte hex transaction hash.")
  .openapi({ example: `0x${"ab".repeat(32)}` });

export const PaymentSubmissionSchema = z
  .object({
    txHash,
    signature: z
      .string()
      .regex(/^0x[0-9a-fA-F]{130}$/, "Must be a 65-byte hex EIP-191 signature.")
      .optional()
      .openapi({
        description: "The sender's EIP-191 signature of `Payrelay payment {requestId} {txHash}`, to attribute a plain transfer.",
      }),
  })
  .strict()
  .openapi("PaymentSubmission", { example: { txHash: "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060" } });

export const PayerDeclarationSchema = z
  .object({
    walletAddress: z
      .string()
      .regex(/^0x[0-9a-fA-F]{40}$/, "Enter the wallet you will pay from: 0x and 40 letters a–f and digits 0–9.")
      .openapi({ example: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" }),
  })
  .strict()
  .openapi("PayerDeclaration", {
    description: "The wallet the payer will pay from, declared once: a plain transfer from it then counts for this request.",
    example: { walletAddress: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" },
  });

export const MarkPaidSchema = z
  .object({
    txHash: txHash.optional(),
    note: humanText("a note", 500).optional(),
  })
  .strict()
  .refine((b) => b.txHash !== undefined || b.note !== undefined, { message: "Give txHash, note or both.", path: ["txHash"] })
  .openapi("MarkPaid", {
    example: { note: "Bank transfer received, ref. FPS 2026-11-23 1042" },
    description:
      "With txHash the transaction is verified (the recipient's word attributes it). With only a note, the remaining amount is recorded as a declared payment (bank rails, or any settlement the recipient vouches for).",
  });

export const PaymentSchema = z
  .object({
    txHash: z.string().nullable(),
    logIndex: z.number().int().nullable(),
    chainId: z.number().int().nullable(),
    from: z.string().nullable(),
    amount: z
      .string()
      .openapi({ example: "12.500000", description: "In the token's units for a transfer, the request's for a declared payment." }),
    blockNumber: z.number().int().nullable(),
    status: z.enum(["confirming", "confirmed"]),
    confirmedAt: z.string().nullable(),
    declared: z.boolean().openapi({ description: "Declared by the recipient (no transaction), not verified." }),
    note: z.string().nullable(),
    detectedBy: z.enum(["chain_watch"]).nullable().openapi({
      description: "chain_watch: Payrelay found this transfer on-chain before anyone submitted it; null: submitted or declared.",
    }),
  })
  .openapi("Payment");

export const UnattributedPaymentSchema = z
  .object({
    id: z.string(),
    txHash: z.string(),
    logIndex: z.number().int(),
    chainId: z.number().int(),
    from: z.string(),
    amount: z.string(),
    blockNumber: z.number().int().nullable(),
    status: z.enum(["confirming", "confirmed"]),
    createdAt: z.string(),
    suggestedRequestId: z.string().nullable().openapi({
      example: "req_0k3f9x2m7d4q8w1z",
      description: "The one open incoming request of the destination due exactly this amount, or null (none, or several).",
    }),
  })
  .openapi("UnattributedPayment");

export const UnattributedPaymentListSchema = z
  .object({ data: z.array(UnattributedPaymentSchema), nextCursor: z.string().nullable() })
  .openapi("UnattributedPaymentList", {
    description: "Verified transfers to the destination that no request could claim, newest first; mark-paid with a hash assigns one.",
  });

export const CursorQuerySchema = z.object({ cursor: z.string().max(200).optional() });
