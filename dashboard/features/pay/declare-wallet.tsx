import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { TextField } from "../../components/fields";
import { ProblemAlert } from "../../components/problem-alert";
import { api } from "../../lib/api";
import { focusSoon } from "../../lib/focus";
import type { PayLink } from "../../lib/pay-link";
import { invalid, useSubmit } from "../../lib/use-submit";

const FIELD = "walletAddress";
export const DECLARED_ID = "pay-declared";

function walletError(value: string): string | undefined {
  if (!value) return "Enter the wallet address you will pay from.";
  if (!/^0x[0-9a-fA-F]{40}$/.test(value)) return "The wallet address must be 0x followed by 40 letters a–f and digits 0–9.";
  return undefined;
}

/**
 * "Paying from a wallet app?": the payer names the wallet they send from
 * (POST …/payer), once. From then on a plain transfer from it (what a QR code
 * or an "open in wallet" link sends) is found on-chain and credited by itself.
 */
export function DeclareWallet({ token, onDeclared }: { token: string; onDeclared: (next: PayLink) => void }) {
  const [value, setValue] = useState("");
  const form = useRef<HTMLFormElement>(null);

  const { submit, busy, problem } = useSubmit(
    form,
    async () => {
      const next = await api.post<PayLink>(`/api/public/payment-links/${encodeURIComponent(token)}/payer`, { walletAddress: value.trim() });
      onDeclared(next);
      // The form is replaced by the sentence that names the wallet: focus goes there, never to <body>.
      focusSoon(() => document.getElementById(DECLARED_ID));
    },
    () => {
      const error = walletError(value.trim());
      return error ? invalid(error, FIELD, error) : null;
    },
  );

  const fieldError = problem?.errors?.find((e) => e.path === FIELD)?.message;
  return (
    <form class="pay-declare" onSubmit={submit} noValidate ref={form}>
      <ProblemAlert problem={fieldError ? null : problem} />
      <TextField
        label="Your wallet address"
        hint="Paying from a wallet app or exchange? Enter the address you send from, before or after sending. Payrelay then finds your payment by itself."
        error={fieldError}
        value={value}
        onValue={setValue}
        class="mono"
        autocomplete="off"
        spellcheck={false}
      />
      <BusyButton type="submit" class="btn btn-secondary" busy={busy} busyText="Saving…">
        Use this wallet
      </BusyButton>
    </form>
  );
}
