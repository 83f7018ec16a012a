import { chainName } from "./chains";
import { transferCalldata } from "./erc20";
import "./wallet";

/** What "Pay with wallet" sends: tokens of `token` on `chainId` to `to`, tagged with `reference`. */
export interface WalletPayment {
  chainId: number;
  token: string;
  to: string;
  amountMinor: bigint;
  reference: string;
}

const codeOf = (error: unknown): unknown => (typeof error === "object" && error !== null && "code" in error ? error.code : undefined);
const messageOf = (error: unknown): string => (error instanceof Error && error.message ? ` (${error.message})` : "");

/** A wallet failure in the payer's words, shown as the page's problem alert. */
export class WalletRefused extends Error {}

function refusal(error: unknown, declined: string, failed: string): WalletRefused {
  if (codeOf(error) === 4001) return new WalletRefused(declined);
  return new WalletRefused(`${failed}${messageOf(error)}`);
}

/**
 * EIP-1193 "Pay with wallet": connect, switch to the link's chain, send the
 * ERC-20 transfer with the payment reference appended; resolves to the
 * transaction hash. Every refusal says what the wallet declined and what to do.
 */
export async function payWithWallet(p: WalletPayment): Promise<string> {
  const eth = window.ethereum;
  if (!eth) throw new WalletRefused("No browser wallet found. Pay from your wallet app and paste the transaction hash below.");
  const network = `${chainName(p.chainId)} (chain ID ${p.chainId})`;

  const accounts = await eth
    .request({ method: "eth_requestAccounts" })
    .catch((e: unknown) => Promise.reject(refusal(e, "You declined to connect your wallet.", "Your wallet did not connect")));
  const from = Array.isArray(accounts) && typeof accounts[0] === "string" ? accounts[0] : null;
  if (!from) throw new WalletRefused("Your wallet shared no account. Unlock it and try again.");

  try {
    await eth.request({ method: "wallet_switchEthereumChain", params: [{ chainId: `0x${p.chainId.toString(16)}` }] });
  } catch (e) {
    if (codeOf(e) === 4902)
      throw new WalletRefused(`Your wallet does not know ${network}. Add that network to your wallet, then try again.`);
    throw refusal(e, `You declined switching your wallet to ${network}.`, `Your wallet could not switch to ${network}`);
  }

  const data = transferCalldata(p.to, p.amountMinor, p.reference);
  const hash = await eth
    .request({ method: "eth_sendTransaction", params: [{ from, to: p.token, data }] })
    .catch((e: unknown) =>
      Promise.reject(refusal(e, "You declined the payment in your wallet. Nothing was sent.", "Your wallet did not send the payment")),
    );
  if (typeof hash !== "string")
    throw new WalletRefused("Your wallet sent no transaction hash. Check your wallet's activity before paying again.");
  return hash;
}
