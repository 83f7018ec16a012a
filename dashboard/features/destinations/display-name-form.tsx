import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { TextField } from "../../components/fields";
import { ProblemAlert } from "../../components/problem-alert";
import { announce } from "../../lib/announce";
import { api } from "../../lib/api";
import { focusSoon } from "../../lib/focus";
import type { Destination } from "../../lib/types";
import { invalid, useSubmit } from "../../lib/use-submit";

const FIELD = "displayName";

/**
 * The name payers see on the pay page ("Payment request from Acme Ltd"):
 * PATCH /api/destinations/{id}. After saving, focus goes to the line that says
 * what payers now see, so the keyboard never falls to <body>.
 */
export function DisplayNameForm({ destination: d, onSaved }: { destination: Destination; onSaved: (next: Destination) => void }) {
  const [value, setValue] = useState(d.displayName ?? "");
  const [saved, setSaved] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const statusId = `display-name-saved-${d.id}`;

  const {
    submit: save,
    busy,
    problem,
  } = useSubmit(
    form,
    async () => {
      const next = await api.patch<Destination>(`/api/destinations/${d.id}`, { displayName: value.trim() });
      setSaved(next.displayName);
      onSaved(next);
      announce(`Saved. Payers see "Payment request from ${next.displayName}".`);
      focusSoon(() => document.getElementById(statusId));
    },
    () => (value.trim() ? null : invalid("Enter the name payers know you by.", FIELD, "Enter the name payers know you by.")),
  );

  const fieldError = problem?.errors?.find((e) => e.path === FIELD)?.message;
  return (
    <form class="inline-form display-name-form" onSubmit={save} noValidate ref={form}>
      <ProblemAlert problem={fieldError ? null : problem} shownFields={[FIELD]} />
      <TextField
        label="Name shown to payers"
        hint="Your business or your own name, as payers know it (up to 80 characters). Your label stays private."
        error={fieldError}
        value={value}
        onValue={setValue}
        maxLength={80}
        autocomplete="organization"
      />
      <BusyButton type="submit" class="btn btn-secondary" busy={busy} busyText="Saving…">
        Save name
      </BusyButton>
      <p id={statusId} tabIndex={-1} class="muted" data-testid="display-name-saved">
        {saved ? `Saved: payers see "Payment request from ${saved}".` : ""}
      </p>
    </form>
  );
}
