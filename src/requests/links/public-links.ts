import { eq } from "drizzle-orm";
import { tokenAmountMinor } from "../../payments/chains/currency";
import { paymentReference } from "../../payments/chains/payment-reference";
import { proxyAddressFor, type ProxyEnv } from "../../payments/chains/proxies";
import type { Database } from "../../db/client";
import { destinations, paymentLinks, requests } from "../../db/schema";
import { sha256Hex } from "../../lib/crypto";
import { interopAddress } from "../../lib/interop-address";
import { decimalsFor, formatMinor } from "../../lib/money";
import { ApiError, notFound } from "../../lib/problem";
import { tokenOf } from "../../destinations/destinations";
import { requestPayments, serializePayment } from "../../payments/payment-view";
import { paymentFigures, requestAmount, serializeRequest } from "../request-view";
import { isoTime } from "../../lib/iso-time";

/** Who asks for the money, as payers see it: the destination's public display name (never its private label). */
const payeeOf = (d: { displayName: string | null }) => ({ displayName: d.displayName });

/** The link, its request and destination behind a token: 404 for an unknown token, 410 once the link expired. */
export async function linkTarget(db: Database, token: string, now = Date.now()) {
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
      `This payment link expired at ${isoTime(row.link.expiresAt)}; ask the payee for a new one.`,
      undefined,
      undefined,
      // Who asked for the money, so the payer knows whom to ask for a new link (API v1.2).
      { payee: payeeOf(row.destination) },
    );
  }
  return row;
}

/** What a payer sees behind a link token (the pay page's data). */
export async function publicLinkView(db: Database, env: ProxyEnv, token: string, now = Date.now()) {
  return linkView(db, env, await linkTarget(db, token, now));
}

/** The public view of a resolved link: its request's status and what is left to pay, never who created it. */
export async function linkView(db: Database, env: ProxyEnv, row: Awaited<ReturnType<typeof linkTarget>>) {
  const { request: r, destination: d } = row;
  const token_ = tokenOf(d);
  const decimals = decimalsFor(r, token_.decimals);
  const view = serializeRequest(r);
  const { due } = paymentFigures(r);
  const paid = await requestPayments(db, r.id);
  return {
    amount: view.amount,
    currency: r.currency,
    reference: r.reference,
    status: view.status, // a lapsed request reads as expired here too
    amountPaid: view.amountPaid,
    amountDue: requestAmount(r, due.toString()),
    paymentReference: paymentReference(r.id),
    payments: paid.flatMap((p) => (p.txHash === null ? [] : [{ txHash: p.txHash, status: serializePayment(p).status }])),
    expiresAt: isoTime(row.link.expiresAt),
    payee: payeeOf(d),
    // The payer's own wallet, when the request names one (set by its creator or declared on the pay page).
    payerWalletAddress: r.payer?.walletAddress ?? null,
    destination: { interopAddress: interopAddress(d.chainId, d.walletAddress, d.tokenAddress), label: d.label },
    pay: {
      chainId: d.chainId,
      walletAddress: d.walletAddress,
      tokenAddress: d.tokenAddress,
      tokenSymbol: token_.symbol,
      tokenDecimals: token_.decimals,
      amount: formatMinor(tokenAmountMinor(BigInt(r.amountMinor), decimals, token_), token_.decimals),
      amountDue: formatMinor(tokenAmountMinor(due, decimals, token_), token_.decimals),
      proxyAddress: proxyAddressFor(env, d.chainId),
    },
  };
}
