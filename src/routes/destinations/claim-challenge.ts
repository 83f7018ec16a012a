import { randomToken } from "../../lib/crypto";
import { interopAddress } from "../../lib/interop-address";

/** How long a claim challenge may be signed for. */
export const CHALLENGE_TTL_MS = 15 * 60 * 1000;

/**
 * The text the wallet signs. It names the service, the exact destination and a
 * 128-bit nonce, so a signature cannot be replayed for another destination,
 * another claim, or another service.
 */
export function claimChallenge(d: { id: string; chainId: number; walletAddress: string; tokenAddress: string }, expiresAt: number): string {
  return [
    "Payrelay: claim this destination to receive payments.",
    `Destination: ${d.id}`,
    `Address: ${interopAddress(d.chainId, d.walletAddress, d.tokenAddress)}`,
    `Nonce: ${randomToken(16)}`,
    `Expires: ${new Date(expiresAt).toISOString()}`,
  ].join("\n");
}
