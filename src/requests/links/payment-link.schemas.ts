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
  .openapi("PaymentLinkList", {
    example: {
      data: [
        {
          id: "lnk_3f8k2m9x7d1q4w6z",
          createdAt: "2026-12-03T13:31:35.000Z",
          expiresAt: "2026-12-10T13:31:35.000Z",
          createdBy: { type: "client", clientId: "cli_7h2k9d4f1s6g3j8l" },
          status: "active",
        },
      ],
    },
  });

export type PaymentLinkSummary = z.infer<typeof PaymentLinkSummarySchema>;
