import type { RequestRow } from "../db/schema";
import { ApiError, notFound } from "../lib/problem";
import { authority, storageUnavailable } from "./authority";
import type { linkTarget } from "./public-links";
import { serializeRequest } from "./request-view";

/**
 * The payer behind a link declares the wallet they will pay from (API v1.2).
 * The authority decides (once, ordered against racing declarations and
 * payments) and writes it through to D1 before this answers, so the chain
 * watcher and the next submission both see it.
 */
export async function declarePayerWallet(
  env: Env,
  target: Awaited<ReturnType<typeof linkTarget>>,
  walletAddress: string,
): Promise<RequestRow> {
  const { request: r, destination: d } = target;
  const result = await authority(env, d.id).declarePayer({ requestId: r.id, walletAddress, adopt: r });
  if (result.stored === false) throw storageUnavailable("The wallet", "Repeating it is safe.");
  switch (result.outcome) {
    case "declared":
      return result.row;
    case "already_declared":
      throw new ApiError(
        "conflict",
        "This request already names the wallet it will be paid from. Pay from that wallet, or paste your transaction's hash.",
      );
    case "bank_payer":
      throw new ApiError("conflict", "This request's payer pays by bank account; it takes no wallet.");
    case "closed":
      throw new ApiError(
        "invalid_state",
        `This request is ${result.row ? serializeRequest(result.row).status : "closed"}; it takes no payment now.`,
      );
    case "not_found":
      throw notFound("payment link");
  }
}
