import { toMinorUnits } from "./erc20";
import type { PayLink } from "./pay-link";

/**
 * The EIP-681 payment URI of what is still due (API v1.2):
 * `ethereum:{token}@{chainId}/transfer?address={wallet}&uint256={amountDueMinor}`.
 * Wallet apps that scan or open it prefill an ERC-20 transfer of exactly that
 * amount. It cannot carry the payment reference, so such a transfer is
 * credited by the payer's declared wallet or a pasted hash. Null when nothing is due.
 */
export function paymentUri(link: PayLink): string | null {
  const minor = toMinorUnits(link.pay.amountDue, link.pay.tokenDecimals);
  if (minor === null || minor <= 0n) return null;
  return `ethereum:${link.pay.tokenAddress}@${link.pay.chainId}/transfer?address=${link.pay.walletAddress}&uint256=${minor.toString()}`;
}
