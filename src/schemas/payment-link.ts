import { z } from "@hono/zod-openapi";

/** One earlier payment link of a request: when and by whom, never its URL (only the token's hash is stored). */
export const PaymentLinkSummarySchema = z
  .object({
    id: z.string().openapi({ example: "lnk_0k3f9x2m7d4q8w1z" }),
    createdAt: z.string(),
    expiresAt: z.string(),
    createdBy: z.union([z.object({ type: z.literal("client"), clientId: z.string() }), z.object({ type: z.literal("manual") })]),
    status: z.enum(["active", "expired"]).openapi({ description: "`expired` once `expiresAt` has passed; the link then answers 410." }),
  })
  .openapi("PaymentLinkSummary");

export const PaymentLinkListSchema = z
  .object({ data: z.array(PaymentLinkSummarySchema).openapi({ description: "Newest first; at most the 100 newest." }) })
  .openapi("PaymentLinkList");

export type PaymentLinkSummary = z.infer<typeof PaymentLinkSummarySchema>;
