import type { TransferLog } from "./transfer-log";

/**
 * Why a successful transaction pays nothing to a destination, naming the part
 * that differs, so a payer who sent the wrong token or to the wrong address
 * learns which.
 */
export function mismatchOf(
  transfers: readonly TransferLog[],
  token: string,
  wallet: string,
): { outcome: "mismatch"; field: "token" | "recipient" | "transfer"; detail: string } {
  const otherToken = transfers.find((t) => t.to === wallet);
  if (otherToken) {
    return {
      outcome: "mismatch",
      field: "token",
      detail: `The transaction sends token ${otherToken.token} to the destination, not its token ${token}.`,
    };
  }
  const otherRecipient = transfers.find((t) => t.token === token);
  if (otherRecipient) {
    return {
      outcome: "mismatch",
      field: "recipient",
      detail: `The transaction sends the token to ${otherRecipient.to}, not to the destination's wallet ${wallet}.`,
    };
  }
  return { outcome: "mismatch", field: "transfer", detail: `The transaction has no Transfer of token ${token} to ${wallet}.` };
}
