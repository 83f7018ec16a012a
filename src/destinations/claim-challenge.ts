import { randomBase32 } from "../lib/ids";
import { isoTime } from "../lib/iso-time";

/** How long a claim challenge may be signed for. */
export const CHALLENGE_TTL_MS = 15 * 60 * 1000;

type Claimable = { id: string; chainId: number; walletAddress: string; tokenSymbol: string };

/**
 * The text the wallet signs, shaped as an EIP-4361 (Sign-In with Ethereum)
 * message: it names this site's domain and URI, the chain, a single-use nonce,
 * its issue and expiry times, and a statement naming the destination. A wallet
 * shows the domain and warns when it is not the page asking, so a message
 * phished on another site is not a valid claim here; the exact text is also
 * stored and compared, and it is verified as EIP-191 `personal_sign`.
 */
export function claimChallenge(d: Claimable, origin: string, issuedAt: number, expiresAt: number): string {
  const { host } = new URL(origin);
  return [
    `${host} wants you to sign in with your Ethereum account:`,
    d.walletAddress,
    "",
    `Claim Payrelay destination ${d.id} to receive ${d.tokenSymbol} on chain ${d.chainId} at this wallet.`,
    "",
    `URI: ${origin}`,
    "Version: 1",
    `Chain ID: ${d.chainId}`,
    `Nonce: ${randomBase32(24)}`,
    `Issued At: ${isoTime(issuedAt)}`,
    `Expiration Time: ${isoTime(expiresAt)}`,
  ].join("\n");
}
