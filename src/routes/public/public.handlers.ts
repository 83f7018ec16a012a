import { eq } from "drizzle-orm";
import { database } from "../../db/client";
import { destinations, paymentLinks, requests } from "../../db/schema";
import type { AppRouteHandler } from "../../lib/create-router";
import { sha256Hex } from "../../lib/crypto";
import { interopAddress } from "../../lib/interop-address";
import { formatAmount } from "../../lib/money";
import { ApiError, notFound } from "../../lib/problem";
import type { getPublicPaymentLink } from "./public.routes";

export const publicLinkHandler: AppRouteHandler<typeof getPublicPaymentLink> = async (c) => {
  const tokenHash = await sha256Hex(c.req.valid("param").token);
  const row = await database(c.env.DB)
    .select({ link: paymentLinks, request: requests, destination: destinations })
    .from(paymentLinks)
    .innerJoin(requests, eq(requests.id, paymentLinks.requestId))
    .innerJoin(destinations, eq(destinations.id, paymentLinks.destinationId))
    .where(eq(paymentLinks.tokenHash, tokenHash))
    .get();
  if (!row) throw notFound("payment link");
  if (row.link.expiresAt <= Date.now()) {
    throw new ApiError("link_expired", `This payment link expired at ${new Date(row.link.expiresAt).toISOString()}; ask the payee for a new one.`);
  }
  const { request: r, destination: d } = row;
  return c.json({
    amount: formatAmount(r.amountMinor, r.currency),
    currency: r.currency,
    reference: r.reference,
    status: r.status,
    expiresAt: new Date(row.link.expiresAt).toISOString(),
    destination: { interopAddress: interopAddress(d.chainId, d.walletAddress, d.tokenAddress), label: d.label },
  }, 200);
};
