import { useEffect, useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { CopyButton } from "../../components/copy-button";
import { TextField } from "../../components/fields";
import { ProblemAlert } from "../../components/problem-alert";
import { QrCode } from "../../components/qr-code";
import { ProblemResponse, toProblem } from "../../lib/api";
import { chainName } from "../../lib/chains";
import { paymentUri } from "../../lib/eip681";
import { isTxHash, toMinorUnits } from "../../lib/erc20";
import { focusSoon } from "../../lib/focus";
import { formatAmount } from "../../lib/format";
import { amountDueOf, type PayLink } from "../../lib/pay-link";
import { PASTE_DELAYS_MS, WALLET_DELAYS_MS, submitHash, type Checking, type Waiting } from "../../lib/pay-submit";
import { payWithWallet } from "../../lib/pay-wallet";
import type { Problem } from "../../lib/types";
import { useFocusProblem } from "../../lib/use-focus-problem";
import { hasBrowserWallet } from "../../lib/wallet";
import { DECLARED_ID, DeclareWallet } from "./declare-wallet";

type Busy = "wallet" | "submit" | "paste" | null;
const HASH_FIELD = "txHash";

function hashError(value: string): string | undefined {
  if (!value) return "Enter the transaction hash.";
  if (!isTxHash(value)) return "The transaction hash must be 0x followed by 64 letters a–f and digits 0–9.";
  return undefined;
}

const fieldProblem = (path: string, detail: string): Problem => ({
  type: "about:blank",
  title: "Check the field",
  status: 400,
  code: "client_error",
  detail,
  errors: [{ path, message: detail }],
});

/**
 * The ways to pay, as numbered steps (API v1.2, "Payers and recipients"):
 * 1. what to send, to which plain wallet address, on which network, with a QR
 *    code of the EIP-681 URI and an "open in wallet" link (and the page's own
 *    "Pay with wallet" when the browser has one);
 * 2. how it gets credited: by itself after "Pay with wallet" or once the payer
 *    named their wallet; otherwise by pasting the hash, which is checked again
 *    while the network has not seen it yet.
 * Every submission ends in the link as Payrelay now sees it (`onPaid`), or a problem shown here.
 */
export function PayActions({ link, token, onPaid }: { link: PayLink; token: string; onPaid: (next: PayLink) => void }) {
  const [hash, setHash] = useState("");
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const checking = useRef<Checking | null>(null);
  const panel = useRef<HTMLElement>(null);
  useFocusProblem(problem, panel);
  // Leaving the page (or the link turning paid, which unmounts this) ends any checking.
  useEffect(
    () => () => {
      if (checking.current) checking.current.stopped = true;
    },
    [],
  );
  const due = amountDueOf(link);
  const rest = link.status === "partially_paid";
  const send = `${formatAmount(due)} ${link.pay.tokenSymbol}`;
  const network = chainName(link.pay.chainId);
  const uri = paymentUri(link);
  const wallet = hasBrowserWallet();

  const record = async (txHash: string, fromWallet: boolean) => {
    setBusy(fromWallet ? "submit" : "paste");
    const check: Checking = { stopped: false };
    checking.current = check;
    try {
      const next = await submitHash(token, txHash, fromWallet ? WALLET_DELAYS_MS : PASTE_DELAYS_MS, setWaiting, check);
      if (next) {
        setHash("");
        setProblem(null);
        onPaid(next);
      } else focusSoon(() => panel.current?.querySelector<HTMLElement>(".pay-paste input"));
    } catch (error) {
      const p = toProblem(error);
      // The money may have left already: keep its hash on screen so a retry is one click, never a second payment.
      if (fromWallet) setHash(txHash);
      const unseen = error instanceof ProblemResponse && error.code === "payment_not_found";
      const detail = fromWallet
        ? `Your wallet sent transaction ${txHash}, but Payrelay could not record it: ${p.detail} Submit it again below.`
        : unseen
          ? `${network} has still not seen this transaction. Check that you sent it on ${network} and copied the whole hash, then submit it again.`
          : p.detail;
      setProblem(unseen && !fromWallet ? fieldProblem(HASH_FIELD, detail) : { ...p, detail });
    }
    checking.current = null;
    setBusy(null);
  };

  const stop = () => {
    if (checking.current) checking.current.stopped = true;
  };

  const pay = async () => {
    if (busy) return;
    const amountMinor = toMinorUnits(due, link.pay.tokenDecimals);
    if (!link.paymentReference || amountMinor === null || amountMinor <= 0n) {
      setProblem(toProblem(new Error("This link cannot be paid from a browser wallet. Send the amount from your wallet app instead.")));
      return;
    }
    setBusy("wallet");
    setProblem(null);
    let txHash: string;
    try {
      txHash = await payWithWallet({
        chainId: link.pay.chainId,
        token: link.pay.tokenAddress,
        to: link.pay.walletAddress,
        amountMinor,
        reference: link.paymentReference,
      });
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(null);
      return;
    }
    await record(txHash, true);
  };

  const paste = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const value = hash.trim();
    const error = hashError(value);
    if (error) {
      setProblem(fieldProblem(HASH_FIELD, error));
      return;
    }
    void record(value, false);
  };

  const fieldError = problem?.errors?.find((e) => e.path === HASH_FIELD)?.message;
  return (
    <section class="pay-actions" aria-label={rest ? "Pay the rest" : "Pay"} ref={panel}>
      <ProblemAlert problem={fieldError ? null : problem} />
      <ol class="pay-steps">
        <li class="pay-step">
          <h2 id="pay-step-send">
            Send {send} on {network}
          </h2>
          {wallet && (
            <>
              <BusyButton
                class="btn btn-primary btn-block"
                busy={busy === "wallet" || busy === "submit"}
                busyText={busy === "submit" ? "Recording payment…" : "Confirm in your wallet…"}
                onClick={() => void pay()}
              >
                {rest ? `Pay the rest (${send}) with wallet` : `Pay ${send} with wallet`}
              </BusyButton>
              <p class="pay-or">Or send it from any wallet app:</p>
            </>
          )}
          <p class="pay-address-label" id="pay-wallet-label">
            To this wallet address, on {network} only
          </p>
          <code class="mono break-all pay-wallet" data-testid="wallet-address" aria-labelledby="pay-wallet-label">
            {link.pay.walletAddress}
          </code>
          <CopyButton
            value={link.pay.walletAddress}
            label="wallet address"
            text="Copy wallet address"
            class={wallet ? "btn-block" : "btn-block btn-primary"}
          />
          <p class="muted pay-exact">
            Send exactly {send}: the {link.pay.tokenSymbol} token, not another coin. Nothing else is needed: no memo or reference.
          </p>
          {uri && (
            <div class="pay-qr">
              <QrCode value={uri} label={`QR code: send ${send} on ${network} to ${link.pay.walletAddress}`} />
              <p class="muted">Scan it with your wallet app, or on this phone:</p>
              <a class="btn btn-secondary btn-block" href={uri} data-testid="open-in-wallet">
                Open in wallet app
              </a>
            </div>
          )}
        </li>
        <li class="pay-step">
          <h2 id="pay-step-credit">Get it credited</h2>
          {wallet && <p>Paid with the button above? Nothing more to do: it is credited by itself.</p>}
          {link.payerWalletAddress ? (
            <p id={DECLARED_ID} tabIndex={-1} data-testid="declared-wallet">
              Payrelay credits a payment from your wallet <code class="mono break-all">{link.payerWalletAddress}</code> by itself, usually
              within a minute of the network confirming it. This page updates by itself.
            </p>
          ) : (
            <DeclareWallet token={token} onDeclared={onPaid} />
          )}
          <form class="pay-paste" onSubmit={paste} noValidate>
            <TextField
              label="Transaction hash"
              hint="Sent it already and it is not shown above after a minute? Paste the transaction's hash: 0x and 64 letters and digits."
              error={fieldError}
              value={hash}
              onValue={setHash}
              class="mono"
              autocomplete="off"
              spellcheck={false}
            />
            <p role="status" class="pay-checking" data-testid="pay-checking">
              {waiting ? `Not seen on ${network} yet. Checking again in ${waiting.nextInSeconds} seconds.` : ""}
            </p>
            <div class="pay-paste-actions">
              <BusyButton type="submit" class="btn btn-secondary" busy={busy === "paste"} busyText="Checking…">
                Submit transaction hash
              </BusyButton>
              {waiting && busy === "paste" && (
                <button type="button" class="btn btn-ghost" onClick={stop}>
                  Stop checking
                </button>
              )}
            </div>
          </form>
        </li>
      </ol>
    </section>
  );
}
