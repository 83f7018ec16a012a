import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../components/busy-button";
import { SelectField, TextAreaField, TextField } from "../components/fields";
import { Link } from "../components/link";
import { fieldError, ProblemAlert } from "../components/problem-alert";
import { api, toProblem } from "../lib/api";
import { CURRENCY_OPTIONS, decimalsOf } from "../lib/currencies";
import { navigate } from "../lib/router";
import type { Direction, PaymentRequest, Problem } from "../lib/types";
import { useFocusProblem } from "../lib/use-focus-problem";
import { useTitle } from "../lib/use-title";
import { CLAIM_PATHS, ClaimFields, EMPTY_CLAIM, toClaim, type ClaimDraft } from "./claim-fields";
import { DirectionChoice } from "./direction-choice";
import { EMPTY_PARTY, PartyFields, partyPaths, toParty, type PartyDraft } from "./party-fields";

const FIELDS = ["direction", "amount", "currency", "reference", "dueDate", "metadata"];

function localProblem(path: string, message: string): Problem {
  return {
    type: "about:blank",
    title: "Invalid",
    status: 400,
    detail: "Check this field: metadata.",
    code: "validation_failed",
    errors: [{ path, message }],
  };
}

/** Creates a request by hand; it shows up as created by "Manual". */
export function NewRequestPage({ destinationId }: { destinationId: string }) {
  useTitle("New request");
  const [direction, setDirection] = useState<Direction>("incoming");
  const [amount, setAmount] = useState("");
  const [currency, setCurrency] = useState("USDC");
  const [reference, setReference] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [party, setParty] = useState<PartyDraft>(EMPTY_PARTY);
  const [claim, setClaim] = useState<ClaimDraft>(EMPTY_CLAIM);
  const [metadata, setMetadata] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusProblem(problem, form);
  const prefix = direction === "incoming" ? "payer" : "payee";
  const base = `/destinations/${destinationId}/requests`;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setProblem(null);
    let meta: unknown;
    try {
      meta = metadata.trim() ? JSON.parse(metadata) : undefined;
    } catch {
      setProblem(localProblem("metadata", 'Must be a JSON object, e.g. {"invoice": "INV-42"}.'));
      return;
    }
    setBusy(true);
    const body = {
      direction,
      amount: amount.trim(),
      currency,
      reference: reference.trim() || undefined,
      dueDate: dueDate || undefined,
      [prefix]: toParty(party),
      ...toClaim(claim),
      metadata: meta,
    };
    try {
      const created = await api.post<PaymentRequest>(`/api${base}`, body);
      navigate(`${base}/${created.id}`);
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
    }
  };

  const decimals = decimalsOf(currency);
  return (
    <div class="page page-narrow">
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/">Destinations</Link> <span aria-hidden="true">/</span> <Link href={base}>Requests</Link>{" "}
        <span aria-hidden="true">/</span> <span>New</span>
      </nav>
      <h1>New request</h1>
      <p class="muted">Requests you create here are marked “Manual” in the Created by column.</p>
      <form class="card card-pad form" onSubmit={submit} noValidate ref={form}>
        <ProblemAlert problem={problem} shownFields={[...FIELDS, ...CLAIM_PATHS, ...partyPaths(prefix)]} />
        <DirectionChoice value={direction} onChange={setDirection} error={fieldError(problem, "direction")} />
        <div class="grid-amount">
          <TextField
            label="Amount"
            inputMode="decimal"
            placeholder="0.00"
            value={amount}
            onValue={setAmount}
            autocomplete="off"
            hint={decimals === undefined ? undefined : `Up to ${decimals} decimal places for ${currency}.`}
            error={fieldError(problem, "amount")}
          />
          <SelectField
            label="Currency"
            value={currency}
            onValue={setCurrency}
            options={CURRENCY_OPTIONS.map((c) => ({ value: c, label: c }))}
            error={fieldError(problem, "currency")}
          />
        </div>
        <div class="grid-2">
          <TextField
            label="Reference"
            optional
            value={reference}
            onValue={setReference}
            autocomplete="off"
            hint="Up to 18 letters, digits and spaces. It appears on bank statements."
            error={fieldError(problem, "reference")}
          />
          <TextField label="Due date" optional type="date" value={dueDate} onValue={setDueDate} error={fieldError(problem, "dueDate")} />
        </div>
        <PartyFields
          prefix={prefix}
          legend={direction === "incoming" ? "Payer" : "Payee"}
          value={party}
          onChange={setParty}
          problem={problem}
          required={direction === "outgoing"}
        />
        <ClaimFields value={claim} onChange={setClaim} problem={problem} />
        <TextAreaField
          label="Metadata"
          optional
          value={metadata}
          onValue={setMetadata}
          rows={3}
          placeholder='{"invoice": "INV-42"}'
          hint="A JSON object for your own records."
          error={fieldError(problem, "metadata")}
        />
        <div class="form-actions">
          <Link href={base} class="btn btn-secondary">
            Cancel
          </Link>
          <BusyButton type="submit" class="btn btn-primary" busy={busy} busyText="Creating…">
            Create request
          </BusyButton>
        </div>
      </form>
    </div>
  );
}
