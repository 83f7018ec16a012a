import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { knownToken } from "../../../src/payments/chains/tokens";
import { checkRequestCurrency, type TokenProfile } from "../../../src/payments/chains/currency";
import { BusyButton } from "../../components/busy-button";
import { SelectField, TextAreaField, TextField } from "../../components/fields";
import { Link } from "../../components/link";
import { fieldError, ProblemAlert } from "../../components/problem-alert";
import { LoadProblem } from "../../components/load-problem";
import { api } from "../../lib/api";
import { CURRENCY_OPTIONS } from "../../lib/currencies";
import { pageHeading } from "../../lib/focus";
import { navigate } from "../../lib/router";
import type { Destination, Direction, PaymentRequest } from "../../lib/types";
import { useResource } from "../../lib/use-resource";
import { invalid, useSubmit } from "../../lib/use-submit";
import { useTitle } from "../../lib/use-title";
import { CLAIM_PATHS, ClaimFields, EMPTY_CLAIM, toClaim, type ClaimDraft } from "./claim-fields";
import { DirectionChoice } from "./direction-choice";
import { EMPTY_PARTY, PartyFields, partyPaths, toParty, type PartyDraft } from "./party-fields";

const FIELDS = ["direction", "amount", "currency", "reference", "dueDate", "metadata"];

/** The token a destination receives, as the API's currency rule reads it. */
function tokenProfile(d: Destination): TokenProfile {
  return { symbol: d.tokenSymbol, decimals: d.tokenDecimals, peggedTo: knownToken(d.chainId, d.tokenAddress)?.peggedTo ?? null };
}

/** The reference's hint in the words of the rail the money takes. */
function referenceHint(direction: Direction, bank: boolean): string {
  if (bank) return "Up to 18 letters, digits and spaces. Use it as your bank transfer's reference: it appears on the payee's statement.";
  if (direction === "incoming")
    return "Up to 18 letters, digits and spaces, shown to the payer on the payment page. A token transfer cannot carry it; Payrelay matches the payment without it.";
  return "Up to 18 letters, digits and spaces, for your records. A token transfer cannot carry it.";
}

/** Creates a request by hand; it shows up as created by "Manual". Only a claimed destination takes requests. */
export function NewRequestPage({ destinationId }: { destinationId: string }) {
  useTitle("New request");
  const dest = useResource(`destination:${destinationId}`, () => api.get<Destination>(`/api/destinations/${destinationId}`));
  const base = `/destinations/${destinationId}/requests`;
  const crumbs = (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <Link href="/">Destinations</Link> <span aria-hidden="true">/</span> <Link href={base}>Requests</Link>{" "}
      <span aria-hidden="true">/</span> <span>New</span>
    </nav>
  );
  const d = dest.data;
  if (!d || d.status !== "claimed") {
    return (
      <div class="page page-narrow">
        {crumbs}
        <h1>New request</h1>
        {dest.loading ? (
          <p class="loading">Loading destination…</p>
        ) : d ? (
          <p data-testid="claim-first">
            This destination is not claimed yet, so it cannot take requests.{" "}
            <Link href={`/destinations/${destinationId}`}>Claim it first</Link> by signing with its wallet.
          </p>
        ) : (
          <LoadProblem problem={dest.problem} onRetry={dest.reload} what="the destination" heading={pageHeading} />
        )}
      </div>
    );
  }
  return <NewRequestForm destinationId={destinationId} destination={d} crumbs={crumbs} />;
}

function NewRequestForm({
  destinationId,
  destination,
  crumbs,
}: {
  destinationId: string;
  destination: Destination;
  crumbs: ComponentChildren;
}) {
  const [direction, setDirection] = useState<Direction>("incoming");
  const [amount, setAmount] = useState("");
  const token = tokenProfile(destination);
  const [currency, setCurrency] = useState(token.symbol);
  const [reference, setReference] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [party, setParty] = useState<PartyDraft>(EMPTY_PARTY);
  const [claim, setClaim] = useState<ClaimDraft>(EMPTY_CLAIM);
  const [metadata, setMetadata] = useState("");
  const form = useRef<HTMLFormElement>(null);
  const prefix = direction === "incoming" ? "payer" : "payee";
  const base = `/destinations/${destinationId}/requests`;
  // Only what the API accepts: the token or its peg, and a bank's currency for a payout to a bank account.
  const bank = direction === "outgoing" && party.kind === "bank";
  const currencies = CURRENCY_OPTIONS.filter((c) => checkRequestCurrency(token, c, bank).ok);
  useEffect(() => {
    if (!currencies.includes(currency)) setCurrency(token.symbol);
  }, [currencies.join(), currency]);

  const { submit, busy, problem } = useSubmit(
    form,
    async () => {
      const body = {
        direction,
        amount: amount.trim(),
        currency,
        reference: reference.trim() || undefined,
        dueDate: dueDate || undefined,
        [prefix]: toParty(party),
        ...toClaim(claim),
        metadata: metadata.trim() ? JSON.parse(metadata) : undefined,
      };
      const created = await api.post<PaymentRequest>(`/api${base}`, body);
      navigate(`${base}/${created.id}`);
    },
    () => {
      try {
        if (metadata.trim()) JSON.parse(metadata);
        return null;
      } catch {
        return invalid("Check this field: metadata.", "metadata", 'Must be a JSON object, e.g. {"invoice": "INV-42"}.');
      }
    },
  );

  const check = checkRequestCurrency(token, currency, bank);
  const decimals = check.ok ? check.decimals : undefined;
  return (
    <div class="page page-narrow">
      {crumbs}
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
            options={currencies.map((c) => ({ value: c, label: c }))}
            hint={
              bank
                ? "The token, its peg, or the bank account's currency."
                : `What this destination receives: ${token.symbol}${token.peggedTo ? ` or ${token.peggedTo}, 1:1` : ""}.`
            }
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
            hint={referenceHint(direction, bank)}
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
