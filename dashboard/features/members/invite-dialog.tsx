import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { Dialog } from "../../components/dialog";
import { MonoValue } from "../../components/mono-value";
import { SelectField, TextField } from "../../components/fields";
import { fieldError, ProblemAlert } from "../../components/problem-alert";
import { api } from "../../lib/api";
import { ROLE_OPTIONS } from "../../lib/roles";
import type { CreatedInvitation, Role } from "../../lib/types";
import { useSubmit } from "../../lib/use-submit";

interface Props {
  destinationId: string;
  onClose: () => void;
  onInvited: (invitation: CreatedInvitation) => void;
  returnFocus: () => HTMLElement | null | undefined;
}

/** Invites someone by email with a role; then shows the link to pass on, once (Payrelay sends no email). */
export function InviteDialog({ destinationId, onClose, onInvited, returnFocus }: Props) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const shown = useRef<HTMLDivElement>(null);

  const { submit, busy, problem } = useSubmit(form, async () => {
    const invitation = await api.post<CreatedInvitation>(`/api/destinations/${destinationId}/invitations`, { email: email.trim(), role });
    onInvited(invitation);
    setCreated(invitation);
    // The form is gone: start reading at what to do with the link.
    setTimeout(() => shown.current?.focus(), 0);
  });

  if (created) {
    return (
      <Dialog title="Send this invitation link" onClose={onClose} returnFocus={returnFocus}>
        <div class="form" ref={shown} tabIndex={-1} data-testid="invitation-link">
          <div class="alert alert-warning" role="alert">
            <p class="alert-title">This link is shown once.</p>
            <p>
              Send it to {created.email} yourself: Payrelay sends no email. It works once, for 7 days, and only for someone signed in as{" "}
              {created.email}.
            </p>
          </div>
          <div class="secret-block">
            <p class="secret-label">Invitation link for {created.email}</p>
            <MonoValue value={created.url} label="invitation link" />
          </div>
          <div class="form-actions">
            <button type="button" class="btn btn-primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Invite a member" onClose={onClose} returnFocus={returnFocus}>
      <form onSubmit={submit} noValidate class="form" ref={form}>
        <ProblemAlert problem={problem} shownFields={["email", "role"]} />
        <TextField
          label="Email address"
          type="email"
          autoComplete="off"
          value={email}
          onValue={setEmail}
          maxLength={254}
          hint="They accept the link signed in with this address."
          error={fieldError(problem, "email")}
        />
        <SelectField
          label="Role"
          value={role}
          onValue={(v) => setRole(v as Role)}
          options={ROLE_OPTIONS}
          error={fieldError(problem, "role")}
        />
        <div class="form-actions">
          <button type="button" class="btn btn-secondary" onClick={onClose}>
            Cancel
          </button>
          <BusyButton type="submit" class="btn btn-primary" busy={busy} busyText="Inviting…">
            Create invitation link
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
