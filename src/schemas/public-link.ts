import { z } from "@hono/zod-openapi";
import { RequestStatusSchema } from "./request";

export const PublicPaymentLinkSchema = z
  .object({
    amount: z.string().openapi({ example: "12.50" }),
    currency: z.string().openapi({ example: "USD" }),
    reference: z.string().nullable(),
    status: RequestStatusSchema,
    expiresAt: z.string(),
    destination: z.object({ interopAddress: z.string(), label: z.string().nullable() }),
    pay: z
      .object({
        chainId: z.number().int(),
        walletAddress: z.string(),
        tokenAddress: z.string(),
        tokenSymbol: z.string().openapi({ example: "USDC" }),
        tokenDecimals: z.number().int().openapi({ example: 6 }),
        amount: z.string().openapi({ example: "12.500000", description: "Exactly this many tokens, in major units." }),
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
