import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { fieldError, ProblemAlert } from "../../components/problem-alert";
import { api, toProblem } from "../../lib/api";
import { formatCountdown } from "../../lib/format";
import type { Destination, Problem } from "../../lib/types";
import { useFocusProblem } from "../../lib/use-focus-problem";
import { useNow } from "../../lib/use-now";
import { hasBrowserWallet, personalSign } from "../../lib/wallet";
import { PasteSignature } from "./paste-signature";

interface Props {
  destination: Destination;
  onClaimed: (destination: Destination) => void;
}

/** Proves wallet ownership: the owner signs the server's challenge with `personal_sign`. */
export function ClaimPanel({ destination, onClaimed }: Props) {
  const [challenge, setChallenge] = useState({
    message: destination.claimChallenge,
    expiresAt: destination.claimChallengeExpiresAt,
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<"wallet" | "paste" | "refresh" | null>(null);
  // A wallet failure must not hide its message in the (possibly closed) paste form.
  const [pasted, setPasted] = useState(false);
  const panel = useRef<HTMLElement>(null);
  useFocusProblem(problem, panel);
  const now = useNow();
  const wallet = hasBrowserWallet();
  const left = challenge.expiresAt ? Date.parse(challenge.expiresAt) - now : 0;
  const usable = Boolean(challenge.message) && left > 0;

  const refresh = async () => {
    if (busy) return;
    setBusy("refresh");
    setProblem(null);
    try {
      const d = await api.post<Destination>(`/api/destinations/${destination.id}/challenge`);
      setChallenge({ message: d.claimChallenge, expiresAt: d.claimChallengeExpiresAt });
    } catch (error) {
      setProblem(toProblem(error));
    }
    setBusy(null);
  };

  const claim = async (how: "wallet" | "paste", getSignature: () => Promise<string>) => {
    if (busy) return;
    setBusy(how);
    setPasted(how === "paste");
    setProblem(null);
    try {
      const signature = await getSignature();
      onClaimed(await api.post<Destination>(`/api/destinations/${destination.id}/claim`, { signature }));
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(null);
    }
  };

  const message = challenge.message ?? "";
  return (
    <section class="card card-pad claim" aria-labelledby="claim-title" ref={panel}>
      <h2 id="claim-title">Claim this destination</h2>
      <p>
        Prove that you control <code class="mono">{destination.walletAddress}</code> by signing a message with it. Signing is free: it sends
        no transaction and moves no funds. Until you claim it, you cannot create client IDs.
      </p>
      <ProblemAlert problem={problem} shownFields={pasted ? ["signature"] : []} />
      <div class="claim-expiry">
        {usable ? (
          <span class="muted">The message below is valid for {formatCountdown(left)}.</span>
        ) : (
          <span class="warning-text">The message to sign has expired. Get a new one to continue.</span>
        )}
        <BusyButton
          class="btn btn-secondary btn-sm"
          onClick={() => void refresh()}
          busy={busy === "refresh"}
          unavailable={busy !== null}
          busyText="Getting a new message…"
        >
          Get a new message
        </BusyButton>
      </div>
      <div class="claim-options">
        <div class="claim-option">
          <h3>With a browser wallet</h3>
          {wallet ? (
            <>
              <p class="muted">Your wallet will ask you to sign. Make sure it is on the account above.</p>
              <BusyButton
                class="btn btn-primary"
                busy={busy === "wallet"}
                unavailable={!usable || busy !== null}
                busyText="Waiting for your wallet…"
                onClick={() => void claim("wallet", () => personalSign(message, destination.walletAddress))}
              >
                Sign with browser wallet
              </BusyButton>
            </>
          ) : (
            <p class="muted">No browser wallet found here. Install one, or sign the message elsewhere as described next.</p>
          )}
        </div>
        <PasteSignature
          message={message}
          disabled={!usable || busy !== null}
          busy={busy === "paste"}
          error={pasted ? fieldError(problem, "signature") : undefined}
          open={!wallet}
          onSubmit={(signature) => void claim("paste", () => Promise.resolve(signature))}
        />
      </div>
    </section>
  );
}
