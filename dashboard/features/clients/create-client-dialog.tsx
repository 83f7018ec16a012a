import { useId, useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { Dialog } from "../../components/dialog";
import { SelectField, TextField } from "../../components/fields";
import { fieldError, ProblemAlert } from "../../components/problem-alert";
import { api } from "../../lib/api";
import { PERMISSIONS, type Client, type CreatedClient, type Permission } from "../../lib/types";
import { halfTypedExpiry } from "../../lib/limit-inputs";
import { useSubmit } from "../../lib/use-submit";
import { SecretReveal } from "./secret-reveal";

const DESCRIPTIONS: Record<Permission, string> = {
  "incoming:creator": "Create incoming requests (someone pays you) and their payment links.",
  "outgoing:creator": "Create outgoing requests (you pay someone).",
  "incoming:reader": "Read every incoming request of this destination, not only its own.",
  "outgoing:reader": "Read every outgoing request of this destination, not only its own.",
};

/** The list keeps what the API lists later; the secret lives only in the reveal. */
function withoutSecret({ secret, ...client }: CreatedClient): Client {
  void secret;
  return client;
}

interface Props {
  destinationId: string;
  onClose: () => void;
  onCreated: (client: Client) => void;
  returnFocus: () => HTMLElement | null | undefined;
  /** The currencies a limit may be in: the destination's token and the fiat it is pegged to. */
  currencies: string[];
}

const LIMIT_FIELDS = [
  "limits.outgoingBudget.amount",
  "limits.outgoingBudget.currency",
  "limits.autoApproveUpTo.amount",
  "limits.autoApproveUpTo.currency",
  "limits.expiresAt",
];

/** Names a new client ID and picks its permissions; then shows its secret, once. */
export function CreateClientDialog({ destinationId, onClose, onCreated, returnFocus, currencies }: Props) {
  const [name, setName] = useState("");
  const [permissions, setPermissions] = useState<Permission[]>(["incoming:creator", "outgoing:creator"]);
  // Limits may be set here, at creation, as well as later on the client's page.
  const [budget, setBudget] = useState("");
  const [currency, setCurrency] = useState(currencies[0] ?? "");
  const [auto, setAuto] = useState("");
  const [expires, setExpires] = useState("");
  const [created, setCreated] = useState<CreatedClient | null>(null);
  // Escape or × on the secret asks first: once closed, the secret is gone for good.
  const [confirming, setConfirming] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const permissionsErrorId = useId();

  const toggle = (p: Permission, on: boolean) =>
    setPermissions((list) => (on ? PERMISSIONS.filter((x) => x === p || list.includes(x)) : list.filter((x) => x !== p)));

  const { submit, busy, problem } = useSubmit(
    form,
    async () => {
      const at = expires ? new Date(expires) : null;
      const limits = {
        ...(budget.trim() ? { outgoingBudget: { amount: budget.trim(), currency } } : {}),
        ...(auto.trim() ? { autoApproveUpTo: { amount: auto.trim(), currency } } : {}),
        ...(at ? { expiresAt: Number.isNaN(at.getTime()) ? expires : at.toISOString() } : {}),
      };
      const body = { name: name.trim(), permissions, ...(Object.keys(limits).length > 0 ? { limits } : {}) };
      const client = await api.post<CreatedClient>(`/api/destinations/${destinationId}/clients`, body);
      onCreated(withoutSecret(client));
      setCreated(client);
    },
    () => halfTypedExpiry(form.current?.querySelector('input[type="datetime-local"]'), "limits.expiresAt"),
  );

  if (created) {
    return (
      <Dialog title="Copy the client secret now" onClose={() => setConfirming((c) => !c)} returnFocus={returnFocus}>
        <SecretReveal client={created} onDone={onClose} confirming={confirming} onKeep={() => setConfirming(false)} />
      </Dialog>
    );
  }

  const permissionsError = fieldError(problem, "permissions");
  return (
    <Dialog title="Create client ID" onClose={onClose} returnFocus={returnFocus} wide>
      <form onSubmit={submit} noValidate class="form" ref={form}>
        <ProblemAlert problem={problem} shownFields={["name", "permissions", ...LIMIT_FIELDS]} />
        <TextField
          label="Name"
          value={name}
          onValue={setName}
          maxLength={100}
          hint="Who will use it, e.g. “Acme billing”. Shown in the Created by column of requests."
          error={fieldError(problem, "name")}
        />
        <fieldset class="fieldset" aria-describedby={permissionsError ? permissionsErrorId : undefined}>
          <legend>Permissions</legend>
          {PERMISSIONS.map((p) => (
            <label key={p} class="check">
              <input
                type="checkbox"
                checked={permissions.includes(p)}
                onChange={(e) => toggle(p, e.currentTarget.checked)}
                aria-invalid={permissionsError ? "true" : undefined}
                aria-describedby={permissionsError ? permissionsErrorId : undefined}
              />
              <span>
                <code class="mono">{p}</code>
                <span class="check-hint">{DESCRIPTIONS[p]}</span>
              </span>
            </label>
          ))}
          {permissionsError && (
            <p id={permissionsErrorId} class="field-error">
              {permissionsError}
            </p>
          )}
        </fieldset>
        <fieldset class="fieldset">
          <legend>
            Limits<span class="optional"> (optional; you can change them later on the client's page)</span>
          </legend>
          <div class="grid-amount">
            <TextField
              label="Outgoing budget"
              optional
              inputMode="decimal"
              value={budget}
              onValue={setBudget}
              error={fieldError(problem, "limits.outgoingBudget.amount")}
              hint="The most its open and approved outgoing requests may add up to."
            />
            <SelectField
              label="Currency of the limits"
              value={currency}
              onValue={setCurrency}
              options={currencies.map((c) => ({ value: c, label: c }))}
              error={fieldError(problem, "limits.outgoingBudget.currency") ?? fieldError(problem, "limits.autoApproveUpTo.currency")}
            />
          </div>
          <div class="grid-2">
            <TextField
              label="Approve automatically up to"
              optional
              inputMode="decimal"
              value={auto}
              onValue={setAuto}
              error={fieldError(problem, "limits.autoApproveUpTo.amount")}
              hint="Larger outgoing requests wait for you."
            />
            <TextField
              label="Expires"
              type="datetime-local"
              optional
              value={expires}
              onValue={setExpires}
              error={fieldError(problem, "limits.expiresAt")}
              hint="Empty: it never expires."
            />
          </div>
        </fieldset>
        <div class="form-actions">
          <button type="button" class="btn btn-secondary" onClick={onClose}>
            Cancel
          </button>
          <BusyButton type="submit" class="btn btn-primary" busy={busy} busyText="Creating…">
            Create client ID
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
