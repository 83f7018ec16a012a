import { useId, useRef, useState } from "preact/hooks";
import { BusyButton } from "../components/busy-button";
import { Dialog } from "../components/dialog";
import { TextField } from "../components/fields";
import { fieldError, ProblemAlert } from "../components/problem-alert";
import { api, toProblem } from "../lib/api";
import { PERMISSIONS, type Client, type CreatedClient, type Permission, type Problem } from "../lib/types";
import { useFocusProblem } from "../lib/use-focus-problem";
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
}

/** Names a new client ID and picks its permissions; then shows its secret, once. */
export function CreateClientDialog({ destinationId, onClose, onCreated, returnFocus }: Props) {
  const [name, setName] = useState("");
  const [permissions, setPermissions] = useState<Permission[]>(["incoming:creator", "outgoing:creator"]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedClient | null>(null);
  // Escape or × on the secret asks first: once closed, the secret is gone for good.
  const [confirming, setConfirming] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const permissionsErrorId = useId();
  useFocusProblem(problem, form);

  const toggle = (p: Permission, on: boolean) =>
    setPermissions((list) => (on ? PERMISSIONS.filter((x) => x === p || list.includes(x)) : list.filter((x) => x !== p)));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const client = await api.post<CreatedClient>(`/api/destinations/${destinationId}/clients`, { name: name.trim(), permissions });
      onCreated(withoutSecret(client));
      setCreated(client);
    } catch (error) {
      setProblem(toProblem(error));
    }
    setBusy(false);
  };

  if (created) {
    return (
      <Dialog title="Copy the client secret now" onClose={() => setConfirming((c) => !c)} returnFocus={returnFocus}>
        <SecretReveal client={created} onDone={onClose} confirming={confirming} onKeep={() => setConfirming(false)} />
      </Dialog>
    );
  }

  const permissionsError = fieldError(problem, "permissions");
  return (
    <Dialog title="Create client ID" onClose={onClose} returnFocus={returnFocus}>
      <form onSubmit={submit} noValidate class="form" ref={form}>
        <ProblemAlert problem={problem} shownFields={["name", "permissions"]} />
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
