/** The slice of EIP-1193 the claim flow needs. */
interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

declare global {
  interface Window {
    ethereum?: Eip1193Provider;
  }
}

/** True when a browser wallet injected `window.ethereum`. */
export function hasBrowserWallet(): boolean {
  return typeof window.ethereum?.request === "function";
}

function utf8Hex(text: string): string {
  let hex = "0x";
  for (const byte of new TextEncoder().encode(text)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

function walletMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && error.code === 4001) {
    return "You declined the signature request in your wallet.";
  }
  if (error instanceof Error && error.message) return error.message;
  return "Your wallet could not sign the message.";
}

/**
 * Asks the browser wallet to `personal_sign` `message` as `address`.
 * Fails with a readable message when the wallet is on another account.
 */
export async function personalSign(message: string, address: string): Promise<string> {
  const provider = window.ethereum;
  if (!provider) throw new Error("No browser wallet found.");
  try {
    const accounts = (await provider.request({ method: "eth_requestAccounts" })) as string[];
    const account = accounts.find((a) => a.toLowerCase() === address.toLowerCase());
    if (!account) {
      throw new Error(`Switch your wallet to ${address}; it is connected as ${accounts[0] ?? "no account"}.`);
    }
    const signature = await provider.request({ method: "personal_sign", params: [utf8Hex(message), account] });
    if (typeof signature !== "string") throw new Error("Your wallet returned no signature.");
    return signature;
  } catch (error) {
    throw new Error(walletMessage(error));
  }
}
