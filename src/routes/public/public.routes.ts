import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/define-route";
import { jsonResponse } from "../../schemas/content";
import { problems } from "../../schemas/problem";

export const PublicPaymentLinkSchema = z
  .object({
    amount: z.string().openapi({ example: "12.50" }),
    currency: z.string().openapi({ example: "USDC" }),
    reference: z.string().nullable(),
    status: z.enum(["pending", "paid", "cancelled", "failed"]),
    expiresAt: z.string(),
    destination: z.object({ interopAddress: z.string(), label: z.string().nullable() }),
  })
  .openapi("PublicPaymentLink");

export const getPublicPaymentLink = defineRoute("public", {
  method: "get", path: "/api/public/payment-links/{token}", tags: ["Public"],
  summary: "What a payer sees at /pay/{token}",
  request: { params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32}$/, "Not a payment link token.").openapi({ param: { name: "token", in: "path" } }) }) },
  responses: {
    200: jsonResponse(PublicPaymentLinkSchema, "The payment link"),
    ...problems(400, 404, 410),
  },
});
