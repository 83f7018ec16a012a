import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { SelectField, TextField } from "../../components/fields";
import { fieldError, ProblemAlert } from "../../components/problem-alert";
import { announce } from "../../lib/announce";
import { api } from "../../lib/api";
import type { Client } from "../../lib/types";
import { halfTypedExpiry } from "../../lib/limit-inputs";
import { useSubmit } from "../../lib/use-submit";

const FIELDS = [
  "limits.outgoingBudget.amount",
  "limits.outgoingBudget.currency",
  "limits.autoApproveUpTo.amount",
  "limits.autoApproveUpTo.currency",
  "limits.expiresAt",
  "limits.extendOnUseSeconds",
  "limits.createsPerMinute",
] as const;

/** `<input type="datetime-local">` wants local "YYYY-MM-DDTHH:mm". */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A whole number as a number; anything else as typed, for the API to name the field. */
const wholeOrRaw = (s: string) => (s.trim() === "" ? null : /^\d+$/.test(s.trim()) ? Number(s.trim()) : s);

interface Props {
  destinationId: string;
  client: Client;
  /** The currencies a limit may be in: the destination's token and the fiat it is pegged to. */
  currencies: string[];
  onSaved: (client: Client) => void;
}

/** Edits a client's limits; an empty field removes that limit. Errors sit next to the field the API names. */
export function ClientLimitsForm({ destinationId, client, currencies, onSaved }: Props) {
  const l = client.limits;
  const [budget, setBudget] = useState(l.outgoingBudget?.amount ?? "");
  const [currency, setCurrency] = useState(l.outgoingBudget?.currency ?? l.autoApproveUpTo?.currency ?? currencies[0] ?? "");
  const [auto, setAuto] = useState(l.autoApproveUpTo?.amount ?? "");
  const [expires, setExpires] = useState(toLocalInput(client.expiresAt));
  const [extend, setExtend] = useState(l.extendOnUseSeconds === null ? "" : String(l.extendOnUseSeconds));
  const [rate, setRate] = useState(String(l.createsPerMinute));
  const form = useRef<HTMLFormElement>(null);

  const { submit, busy, problem } = useSubmit(
    form,
    async () => {
      const at = expires.trim() === "" ? null : new Date(expires);
      const limits = {
        outgoingBudget: budget.trim() === "" ? null : { amount: budget.trim(), currency },
        autoApproveUpTo: auto.trim() === "" ? null : { amount: auto.trim(), currency },
        expiresAt: at === null ? null : Number.isNaN(at.getTime()) ? expires : at.toISOString(),
        extendOnUseSeconds: wholeOrRaw(extend),
        createsPerMinute: wholeOrRaw(rate),
      };
      onSaved(await api.patch<Client>(`/api/destinations/${destinationId}/clients/${client.id}`, { limits }));
      announce("Limits saved.");
    },
    () => halfTypedExpiry(form.current?.querySelector('input[type="datetime-local"]'), "limits.expiresAt"),
  );

  const err = (path: (typeof FIELDS)[number]) => fieldError(problem, path);
  return (
    <form class="card card-pad form" onSubmit={submit} noValidate ref={form} aria-labelledby="limits-title">
      <h2 id="limits-title">Edit limits</h2>
      <p class="muted">Leave a field empty to remove that limit. A budget cannot go below what is already spent or reserved.</p>
      <ProblemAlert problem={problem} shownFields={FIELDS} />
      <div class="grid-amount">
        <TextField
          label="Outgoing budget"
          optional
          inputMode="decimal"
          value={budget}
          onValue={setBudget}
          error={err("limits.outgoingBudget.amount")}
          hint="The most its open and approved outgoing requests may add up to."
        />
        <SelectField
          label="Currency of the limits"
          value={currency}
          onValue={setCurrency}
          options={currencies.map((c) => ({ value: c, label: c }))}
          error={err("limits.outgoingBudget.currency") ?? err("limits.autoApproveUpTo.currency")}
        />
      </div>
      <TextField
        label="Approve automatically up to"
        optional
        inputMode="decimal"
        value={auto}
        onValue={setAuto}
        error={err("limits.autoApproveUpTo.amount")}
        hint="Outgoing requests of at most this amount are approved when created; larger ones wait for you."
      />
      <div class="grid-2">
        <TextField
          label="Expires"
          type="datetime-local"
          optional
          value={expires}
          onValue={setExpires}
          error={err("limits.expiresAt")}
          hint="After this it creates nothing and reads only its own requests."
        />
        <TextField
          label="Extend on each use by (seconds)"
          optional
          inputMode="numeric"
          value={extend}
          onValue={setExtend}
          error={err("limits.extendOnUseSeconds")}
          hint="Each accepted create moves the expiry to at least now plus this."
        />
      </div>
      <TextField
        label="Creates per minute"
        inputMode="numeric"
        value={rate}
        onValue={setRate}
        error={err("limits.createsPerMinute")}
        hint="Requests and payment links a minute; 600 by default."
      />
      <div class="form-actions">
        <BusyButton type="submit" class="btn btn-primary" busy={busy} busyText="Saving…">
          Save limits
        </BusyButton>
      </div>
    </form>
  );
}
