import { eq } from "drizzle-orm";
import { tokenAmountMinor } from "../chains/currency";
import type { Database } from "../db/client";
import { destinations, paymentLinks, requests } from "../db/schema";
import { sha256Hex } from "../lib/crypto";
import { interopAddress } from "../lib/interop-address";
import { CURRENCIES, formatMinor } from "../lib/money";
import { ApiError, notFound } from "../lib/problem";
import { tokenOf } from "./destinations";
import { serializeRequest } from "./request-view";

/** What a payer sees behind a link token: 404 for an unknown token, 410 once the link expired. */
export async function publicLinkView(db: Database, token: string, now = Date.now()) {
  const row = await db
    .select({ link: paymentLinks, request: requests, destination: destinations })
    .from(paymentLinks)
    .innerJoin(requests, eq(requests.id, paymentLinks.requestId))
    .innerJoin(destinations, eq(destinations.id, paymentLinks.destinationId))
    .where(eq(paymentLinks.tokenHash, await sha256Hex(token)))
    .get();
  if (!row) throw notFound("payment link");
  if (row.link.expiresAt <= now) {
    throw new ApiError(
      "link_expired",
      `This payment link expired at ${new Date(row.link.expiresAt).toISOString()}; ask the payee for a new one.`,
    );
  }
  const { request: r, destination: d } = row;
  const token_ = tokenOf(d);
  const decimals = r.decimals ?? CURRENCIES[r.currency] ?? token_.decimals;
  const view = serializeRequest(r);
  return {
    amount: view.amount,
    currency: r.currency,
    reference: r.reference,
    status: view.status, // a lapsed request reads as expired here too

    expiresAt: new Date(row.link.expiresAt).toISOString(),
    destination: { interopAddress: interopAddress(d.chainId, d.walletAddress, d.tokenAddress), label: d.label },
    pay: {
      chainId: d.chainId,
      walletAddress: d.walletAddress,
      tokenAddress: d.tokenAddress,
      tokenSymbol: token_.symbol,
      tokenDecimals: token_.decimals,
      amount: formatMinor(tokenAmountMinor(BigInt(r.amountMinor), decimals, token_), token_.decimals),
    },
  };
}
