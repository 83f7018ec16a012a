import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../components/busy-button";
import { TextField } from "../components/fields";
import { ProblemAlert } from "../components/problem-alert";
import { ProblemResponse, api, toProblem } from "../lib/api";
import { isTxHash, toMinorUnits } from "../lib/erc20";
import { formatAmount } from "../lib/format";
import { amountDueOf, type PayLink } from "../lib/pay-link";
import { payWithWallet } from "../lib/pay-wallet";
import type { Problem } from "../lib/types";
import { useFocusProblem } from "../lib/use-focus-problem";
import { hasBrowserWallet } from "../lib/wallet";

type Busy = "wallet" | "submit" | "paste" | null;
const HASH_FIELD = "txHash";

function hashError(value: string): string | undefined {
  if (!value) return "Enter the transaction hash.";
  if (!isTxHash(value)) return "The transaction hash must be 0x followed by 64 letters a–f and digits 0–9.";
  return undefined;
}

/**
 * A hash straight from the wallet may not be mined yet: Payrelay answers
 * payment_not_found until it is, so retry that answer for a while (never others).
 */
async function submit(token: string, txHash: string, patient: boolean): Promise<PayLink> {
  const path = `/api/public/payment-links/${encodeURIComponent(token)}/payments`;
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.post<PayLink>(path, { txHash });
    } catch (error) {
      if (!patient || attempt >= 9 || !(error instanceof ProblemResponse) || error.code !== "payment_not_found") throw error;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}

/** "Pay with wallet" and "paste a hash": both end in the link as Payrelay now sees it (`onPaid`), or a problem shown here. */
export function PayActions({ link, token, onPaid }: { link: PayLink; token: string; onPaid: (next: PayLink) => void }) {
  const [hash, setHash] = useState("");
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const panel = useRef<HTMLElement>(null);
  useFocusProblem(problem, panel);
  const due = amountDueOf(link);
  const rest = link.status === "partially_paid";
  const send = `${formatAmount(due)} ${link.pay.tokenSymbol}`;

  const record = async (txHash: string, patient: boolean) => {
    setBusy(patient ? "submit" : "paste");
    try {
      const next = await submit(token, txHash, patient);
      setHash("");
      setProblem(null);
      onPaid(next);
    } catch (error) {
      const p = toProblem(error);
      // The money may have left already: keep its hash on screen so a retry is one click, never a second payment.
      if (patient) setHash(txHash);
      setProblem(
        patient
          ? { ...p, detail: `Your wallet sent transaction ${txHash}, but Payrelay could not record it: ${p.detail} Submit it again below.` }
          : p,
      );
    }
    setBusy(null);
  };

  const pay = async () => {
    if (busy) return;
    const amountMinor = toMinorUnits(due, link.pay.tokenDecimals);
    if (!link.paymentReference || amountMinor === null || amountMinor <= 0n) {
      setProblem(
        toProblem(
          new Error("This link cannot be paid from a browser wallet. Send the amount from your wallet app and paste the hash below."),
        ),
      );
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
      setProblem({
        type: "about:blank",
        title: "Check the transaction hash",
        status: 400,
        code: "client_error",
        detail: error,
        errors: [{ path: HASH_FIELD, message: error }],
      });
      return;
    }
    void record(value, false);
  };

  const fieldError = problem?.errors?.find((e) => e.path === HASH_FIELD)?.message;
  return (
    <section class="pay-actions" aria-label={rest ? "Pay the rest" : "Pay"} ref={panel}>
      <ProblemAlert problem={fieldError ? null : problem} />
      {hasBrowserWallet() && (
        <BusyButton
          class="btn btn-primary btn-block"
          busy={busy === "wallet" || busy === "submit"}
          busyText={busy === "submit" ? "Recording payment…" : "Confirm in your wallet…"}
          onClick={() => void pay()}
        >
          {rest ? `Pay the rest (${send}) with wallet` : `Pay ${send} with wallet`}
        </BusyButton>
      )}
      <form class="pay-paste" onSubmit={paste} noValidate>
        <TextField
          label="Transaction hash"
          hint="Already paid from another wallet or app (to the address below)? Paste the transaction's hash: 0x and 64 letters and digits."
          error={fieldError}
          value={hash}
          onValue={setHash}
          class="mono"
          autocomplete="off"
          spellcheck={false}
        />
        <BusyButton type="submit" class="btn btn-secondary" busy={busy === "paste"} busyText="Submitting…">
          Submit transaction hash
        </BusyButton>
      </form>
    </section>
  );
}
