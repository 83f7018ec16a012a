import { useId } from "preact/hooks";
import { TextField } from "../../components/fields";
import { fieldError } from "../../components/problem-alert";
import type { Party, Problem } from "../../lib/types";

export interface PartyDraft {
  kind: "contact" | "bank";
  name: string;
  email: string;
  walletAddress: string;
  sortCode: string;
  accountNumber: string;
}

export const EMPTY_PARTY: PartyDraft = { kind: "contact", name: "", email: "", walletAddress: "", sortCode: "", accountNumber: "" };

/** The party as the API wants it, or undefined when nothing was entered. */
export function toParty(d: PartyDraft): Party | undefined {
  const digits = (s: string) => s.replace(/[\s-]/g, "");
  const trim = (s: string) => s.trim() || undefined;
  if (d.kind === "bank") {
    if (!d.name.trim() && !d.sortCode.trim() && !d.accountNumber.trim()) return undefined;
    return { name: d.name.trim(), sortCode: digits(d.sortCode), accountNumber: digits(d.accountNumber) };
  }
  if (!d.name.trim() && !d.email.trim() && !d.walletAddress.trim()) return undefined;
  return { name: d.name.trim(), email: trim(d.email), walletAddress: trim(d.walletAddress) };
}

/** Field paths this fieldset can show errors for. */
export function partyPaths(prefix: string): string[] {
  return ["", ".name", ".email", ".walletAddress", ".sortCode", ".accountNumber"].map((s) => prefix + s);
}

interface Props {
  prefix: "payer" | "payee";
  legend: string;
  value: PartyDraft;
  onChange: (value: PartyDraft) => void;
  problem: Problem | null;
  required: boolean;
}

/** Who pays or gets paid: a contact (email, wallet) or a UK bank account. */
export function PartyFields({ prefix, legend, value, onChange, problem, required }: Props) {
  const set = (patch: Partial<PartyDraft>) => onChange({ ...value, ...patch });
  const err = (field: string) => fieldError(problem, `${prefix}.${field}`);
  // "Required for outgoing requests." is about the whole group: tied to it, and to Name, where filling in starts.
  const whole = fieldError(problem, prefix);
  const wholeId = useId();
  return (
    <fieldset class="fieldset" aria-describedby={whole ? wholeId : undefined}>
      <legend>
        {legend}
        {!required && <span class="optional"> (optional)</span>}
      </legend>
      {whole && (
        <p id={wholeId} class="field-error">
          {whole}
        </p>
      )}
      <div class="segmented" role="radiogroup" aria-label={`${legend} type`}>
        {(["contact", "bank"] as const).map((kind) => (
          <label key={kind} class={`segment${value.kind === kind ? " is-selected" : ""}`}>
            <input type="radio" name={`${prefix}-kind`} checked={value.kind === kind} onChange={() => set({ kind })} />
            {kind === "contact" ? "Email or wallet" : "UK bank account"}
          </label>
        ))}
      </div>
      <TextField
        label="Name"
        value={value.name}
        onValue={(name) => set({ name })}
        autocomplete="off"
        error={err("name")}
        invalid={Boolean(whole)}
        aria-describedby={whole && !err("name") ? wholeId : undefined}
      />
      {value.kind === "contact" ? (
        <div class="grid-2">
          <TextField
            label="Email"
            optional
            type="email"
            value={value.email}
            onValue={(email) => set({ email })}
            autocomplete="off"
            error={err("email")}
          />
          <TextField
            label="Wallet address"
            optional
            class="mono"
            placeholder="0x…"
            value={value.walletAddress}
            onValue={(walletAddress) => set({ walletAddress })}
            spellcheck={false}
            autocomplete="off"
            error={err("walletAddress")}
          />
        </div>
      ) : (
        <div class="grid-2">
          <TextField
            label="Sort code"
            inputMode="numeric"
            placeholder="12-34-56"
            value={value.sortCode}
            onValue={(sortCode) => set({ sortCode })}
            autocomplete="off"
            hint="6 digits."
            error={err("sortCode")}
          />
          <TextField
            label="Account number"
            inputMode="numeric"
            value={value.accountNumber}
            onValue={(accountNumber) => set({ accountNumber })}
            autocomplete="off"
            hint="8 digits."
            error={err("accountNumber")}
          />
        </div>
      )}
    </fieldset>
  );
}
