import type { RequestRow } from "../db/schema";
import { accepted, authority, storageUnavailable } from "../authority/stub";
import type { linkTarget } from "./links/public-links";

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
  return accepted(result, "payment link").row;
}
