import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { SelectField, TextField } from "../../components/fields";
import { Link } from "../../components/link";
import { fieldError, ProblemAlert } from "../../components/problem-alert";
import { api } from "../../lib/api";
import { knownToken } from "../../../src/payments/chains/tokens";
import { isEvmAddress } from "../../../src/lib/interop-address";
import { CHAINS } from "../../lib/chains";
import { navigate } from "../../lib/router";
import type { Destination } from "../../lib/types";
import { useSubmit } from "../../lib/use-submit";
import { useTitle } from "../../lib/use-title";
import { InteropPreview } from "../../components/interop-preview";

const OTHER = "other";
const SHOWN = ["label", "chainId", "walletAddress", "tokenAddress", "tokenSymbol", "tokenDecimals"] as const;

/** Adds a destination; the next page asks the wallet owner to claim it. */
export function NewDestinationPage() {
  useTitle("Add destination");
  const [label, setLabel] = useState("");
  const [chain, setChain] = useState(String(CHAINS[0]?.id ?? 1));
  const [customChain, setCustomChain] = useState("");
  const [wallet, setWallet] = useState("");
  const [token, setToken] = useState("");
  const [symbol, setSymbol] = useState("");
  const [decimals, setDecimals] = useState("");
  const form = useRef<HTMLFormElement>(null);

  const chainId = Number(chain === OTHER ? customChain : chain);
  const usdc = CHAINS.find((c) => c.id === chainId)?.usdc;
  // A token Payrelay does not know needs its symbol and decimals, so amounts can be checked and shown.
  const unknownToken = isEvmAddress(token.trim()) && Number.isSafeInteger(chainId) && !knownToken(chainId, token.trim());

  const { submit, busy, problem } = useSubmit(form, async () => {
    const declared = unknownToken
      ? { tokenSymbol: symbol.trim() || undefined, tokenDecimals: decimals.trim() === "" ? undefined : Number(decimals) }
      : {};
    const body = { chainId, walletAddress: wallet.trim(), tokenAddress: token.trim(), label: label.trim() || undefined, ...declared };
    const created = await api.post<Destination>("/api/destinations", body);
    navigate(`/destinations/${created.id}`);
  });

  const chainOptions = [
    ...CHAINS.map((c) => ({ value: String(c.id), label: `${c.name} (${c.id})` })),
    { value: OTHER, label: "Other EVM chain…" },
  ];

  return (
    <div class="page page-narrow">
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/">Destinations</Link> <span aria-hidden="true">/</span> <span>Add</span>
      </nav>
      <h1>Add a destination</h1>
      <p class="muted">A destination is one wallet on one chain, receiving one token. Only the wallet's owner can claim it.</p>
      <form class="card card-pad form" onSubmit={submit} noValidate ref={form}>
        <ProblemAlert problem={problem} shownFields={SHOWN} />
        <TextField
          label="Label"
          optional
          value={label}
          onValue={setLabel}
          maxLength={100}
          hint="For you only, e.g. “Main USDC on Base”."
          error={fieldError(problem, "label")}
        />
        <SelectField
          label="Chain"
          value={chain}
          onValue={setChain}
          options={chainOptions}
          error={chain === OTHER ? undefined : fieldError(problem, "chainId")}
        />
        {chain === OTHER && (
          <TextField
            label="Chain ID"
            inputMode="numeric"
            value={customChain}
            onValue={setCustomChain}
            hint="The EIP-155 chain ID, e.g. 324."
            error={fieldError(problem, "chainId")}
          />
        )}
        <TextField
          label="Wallet address"
          class="mono"
          value={wallet}
          onValue={setWallet}
          placeholder="0x…"
          spellcheck={false}
          autocomplete="off"
          hint="The wallet that receives payments. You will sign a message with it to claim the destination."
          error={fieldError(problem, "walletAddress")}
        />
        <TextField
          label="Token contract address"
          class="mono"
          value={token}
          onValue={setToken}
          placeholder="0x…"
          spellcheck={false}
          autocomplete="off"
          hint={
            usdc ? (
              <>
                The ERC-20 token you want to receive.{" "}
                <button type="button" class="btn-link" onClick={() => setToken(usdc)}>
                  Use USDC on this chain
                </button>
              </>
            ) : (
              "The ERC-20 token you want to receive."
            )
          }
          error={fieldError(problem, "tokenAddress")}
        />
        {unknownToken && (
          <>
            <TextField
              label="Token symbol"
              value={symbol}
              onValue={setSymbol}
              maxLength={11}
              hint="Payrelay does not know this token; as its contract names it, e.g. USDC."
              error={fieldError(problem, "tokenSymbol")}
            />
            <TextField
              label="Token decimals"
              inputMode="numeric"
              value={decimals}
              onValue={setDecimals}
              hint="How many decimal places the token has, e.g. 6."
              error={fieldError(problem, "tokenDecimals")}
            />
          </>
        )}
        <InteropPreview chainId={chainId} wallet={wallet.trim()} token={token.trim()} />
        <div class="form-actions">
          <Link href="/" class="btn btn-secondary">
            Cancel
          </Link>
          <BusyButton type="submit" class="btn btn-primary" busy={busy} busyText="Adding…">
            Add destination
          </BusyButton>
        </div>
      </form>
    </div>
  );
}
