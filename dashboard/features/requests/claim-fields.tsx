import { SelectField, TextField } from "../../components/fields";
import { fieldError } from "../../components/problem-alert";
import type { Problem } from "../../lib/types";

/** Moneyhub's payment-claim fields (seed 001), all optional: what the payer's bank and statement carry. */
export type ClaimDraft = { context: string; endToEndId: string; payerRef: string };

export const EMPTY_CLAIM: ClaimDraft = { context: "", endToEndId: "", payerRef: "" };
export const CLAIM_PATHS = ["context", "endToEndId", "payerRef"];

const CONTEXTS = [
  { value: "", label: "Not given" },
  { value: "BillPayment", label: "Bill payment" },
  { value: "PartyToParty", label: "Person to person" },
  { value: "Other", label: "Other" },
];

/** The body's claim fields: empty ones are left out, so the API sees only what the person filled in. */
export function toClaim(d: ClaimDraft) {
  return {
    context: d.context || undefined,
    endToEndId: d.endToEndId.trim() || undefined,
    payerRef: d.payerRef.trim() || undefined,
  };
}

type Props = { value: ClaimDraft; onChange: (next: ClaimDraft) => void; problem: Problem | null };

export function ClaimFields({ value, onChange, problem }: Props) {
  const set = (key: keyof ClaimDraft) => (v: string) => onChange({ ...value, [key]: v });
  return (
    <fieldset class="fieldset">
      <legend>
        Payment claim <span class="optional">(optional)</span>
      </legend>
      <SelectField
        label="Payment context"
        optional
        value={value.context}
        onValue={set("context")}
        options={CONTEXTS}
        error={fieldError(problem, "context")}
      />
      <div class="grid-2">
        <TextField
          label="End-to-end ID"
          optional
          value={value.endToEndId}
          onValue={set("endToEndId")}
          autocomplete="off"
          hint="Up to 35 characters: letters, digits, spaces and - . / ? : ( ) , ' +. Your own ID that travels with the payment."
          error={fieldError(problem, "endToEndId")}
        />
        <TextField
          label="Payer reference"
          optional
          value={value.payerRef}
          onValue={set("payerRef")}
          autocomplete="off"
          hint="Up to 18 letters, digits and spaces: what the payer's bank statement shows."
          error={fieldError(problem, "payerRef")}
        />
      </div>
    </fieldset>
  );
}
