import { z } from "@hono/zod-openapi";
import { isDecimalAmount } from "../lib/money";
import { humanText } from "../lib/human-text";

/** API v1.2, "What the seeds still ask": a refund the recipient records, with its transaction or a note. */
export const RefundCreateSchema = z
  .object({
    amount: z
      .string()
      .openapi({ example: "2.50", description: "Decimal string in the request's currency; with txHash, what it sent back." }),
    txHash: z
      .string()
      .regex(/^0x[0-9a-fA-F]{64}$/, "Must be a 0x-prefixed 32-byte hex transaction hash.")
      .optional()
      .openapi({
        description: "A Transfer of the destination's token from its wallet to a wallet that paid the request: verified on-chain.",
      }),
    note: humanText("a note", 500).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (!isDecimalAmount(b.amount))
      ctx.addIssue({ code: "custom", path: ["amount"], message: 'Enter an amount greater than zero as a decimal string such as "2.50".' });
    if (b.txHash === undefined && b.note === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["txHash"],
        message: "Give the refund's transaction hash, or a note saying how it was paid back.",
      });
  })
  .openapi("RefundCreate", { example: { amount: "2.50", txHash: `0x${"ab".repeat(32)}` } });

export const RefundSchema = z
  .object({
    id: z.string().openapi({ example: "rfd_0k3f9x2m7d4q8w1z" }),
    amount: z.string().openapi({ example: "2.500000", description: "In the request's currency, at its precision." }),
    txHash: z.string().nullable(),
    chainId: z.number().int().nullable(),
    to: z.string().nullable().openapi({ description: "The payer's wallet the transaction refunded (null for a refund by note)." }),
    note: z.string().nullable(),
    status: z.literal("confirmed"),
    createdAt: z.string(),
  })
  .openapi("Refund");
