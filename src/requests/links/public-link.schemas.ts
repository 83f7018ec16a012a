import { z } from "@hono/zod-openapi";
import { RequestStatusSchema } from "../request.schemas";

export const PublicPaymentLinkSchema = z
  .object({
    amount: z.string().openapi({ example: "12.50" }),
    currency: z.string().openapi({ example: "USD" }),
    reference: z.string().nullable(),
    status: RequestStatusSchema,
    amountPaid: z.string().openapi({ example: "5.00", description: "Confirmed payments so far, in the request's currency." }),
    amountDue: z.string().openapi({
      example: "7.50",
      description: "What is left to pay (0 once paid), in the request's currency: the pay page's headline figure.",
    }),
    paymentReference: z.string().openapi({
      example: `0x${"5c".repeat(32)}`,
      description: "The request's 32-byte reference: append it to the ERC-20 transfer calldata after the two arguments.",
    }),
    payments: z
      .array(z.object({ txHash: z.string(), status: z.enum(["confirming", "confirmed"]) }))
      .openapi({ description: "The request's verified transactions, oldest first." }),
    expiresAt: z.string(),
    payee: z
      .object({
        displayName: z.string().nullable().openapi({ example: "Acme Ltd", description: "Who asks for the money; null when unset." }),
      })
      .openapi({ description: "Who asks for the money. An expired link's 410 problem carries the same `payee` member." }),
    payerWalletAddress: z.string().nullable().openapi({
      example: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
      description:
        "The wallet the request expects payment from (its payer.walletAddress), or null: then POST …/payer may declare one. A plain transfer from it is credited automatically.",
    }),
    destination: z.object({ interopAddress: z.string(), label: z.string().nullable() }),
    pay: z
      .object({
        chainId: z.number().int(),
        walletAddress: z.string(),
        tokenAddress: z.string(),
        tokenSymbol: z.string().openapi({ example: "USDC" }),
        tokenDecimals: z.number().int().openapi({ example: 6 }),
        amount: z.string().openapi({ example: "12.500000", description: "Exactly this many tokens, in major units." }),
        amountDue: z.string().openapi({ example: "7.500000", description: "Tokens still to send for the request, in major units." }),
        proxyAddress: z.string().nullable().openapi({
          example: "0x370de27fdb7d1ff1e1baa7d11c5820a324cf623c",
          description:
            "An ERC20FeeProxy-compatible contract to pay through (transferFromWithReferenceAndFee with paymentReference), or null when the chain has none.",
        }),
      })
      .openapi({ description: "What the payer sends: the token amount for the request's currency (1:1 for a pegged fiat)." }),
  })
  .openapi("PublicPaymentLink");

export const PaymentLinkTokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{32}$/, "Not a payment link token.")
    .openapi({ param: { name: "token", in: "path" } }),
});
