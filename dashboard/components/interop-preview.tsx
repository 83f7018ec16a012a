import { interopAddress, isEvmAddress } from "../../src/lib/interop-address";

interface Props {
  chainId: number;
  wallet: string;
  token: string;
}

function missing({ chainId, wallet, token }: Props): string | null {
  if (!Number.isSafeInteger(chainId) || chainId <= 0) return "Choose a chain.";
  if (!wallet) return "Enter the wallet address.";
  if (!isEvmAddress(wallet)) return "The wallet address should be 0x followed by 40 hex characters.";
  if (!token) return "Enter the token contract address.";
  if (!isEvmAddress(token)) return "The token address should be 0x followed by 40 hex characters.";
  return null;
}

/** The ERC-7828 interop address, computed as the user types with the server's own code. */
export function InteropPreview(props: Props) {
  const why = missing(props);
  return (
    <div class="interop-preview">
      <p class="interop-preview-label">Interop address</p>
      {why ? (
        <p class="muted">{why}</p>
      ) : (
        <code class="mono break-all" data-testid="interop-preview">
          {interopAddress(props.chainId, props.wallet, props.token)}
        </code>
      )}
    </div>
  );
}
