import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../components/busy-button";
import { Dialog } from "../components/dialog";
import { SelectField } from "../components/fields";
import { ProblemAlert } from "../components/problem-alert";
import { api, toProblem } from "../lib/api";
import { ROLE_LABELS, ROLE_OPTIONS } from "../lib/roles";
import type { Member, Problem, Role } from "../lib/types";
import { useFocusProblem } from "../lib/use-focus-problem";

interface Common {
  destinationId: string;
  member: Member;
  onClose: () => void;
  returnFocus: () => HTMLElement | null | undefined;
}

/** One confirmation, one danger-or-primary button, the API's refusal shown in place (the last owner's 409). */
function Confirm({
  title,
  children,
  action,
  busyText,
  danger,
  run,
  onClose,
  returnFocus,
}: {
  title: string;
  children: preact.ComponentChildren;
  action: string;
  busyText: string;
  danger: boolean;
  run: () => Promise<void>;
  onClose: () => void;
  returnFocus: () => HTMLElement | null | undefined;
}) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const alert = useRef<HTMLDivElement>(null);
  useFocusProblem(problem, alert);
  const go = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await run();
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose} returnFocus={returnFocus}>
      <div ref={alert}>
        <ProblemAlert problem={problem} />
      </div>
      {children}
      <div class="form-actions">
        <button type="button" class="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <BusyButton class={`btn ${danger ? "btn-danger" : "btn-primary"}`} onClick={() => void go()} busy={busy} busyText={busyText}>
          {action}
        </BusyButton>
      </div>
    </Dialog>
  );
}

/** Picks a new role for a member and confirms it, saying what that role may do. */
export function ChangeRoleDialog({
  destinationId,
  member,
  onClose,
  onChanged,
  returnFocus,
}: Common & { onChanged: (member: Member) => void }) {
  const [role, setRole] = useState<Role>(member.role);
  const run = async () => onChanged(await api.patch<Member>(`/api/destinations/${destinationId}/members/${member.userId}`, { role }));
  return (
    <Confirm
      title={`Change ${member.email}'s role`}
      action="Change role"
      busyText="Changing…"
      danger={false}
      run={run}
      onClose={onClose}
      returnFocus={returnFocus}
    >
      <p>
        {member.email} is {ROLE_LABELS[member.role].toLowerCase()} now. A new role applies from their next click.
      </p>
      <SelectField label="New role" value={role} onValue={(v) => setRole(v as Role)} options={ROLE_OPTIONS} />
    </Confirm>
  );
}

/** Confirms removing a member, or leaving when the member is you. */
export function RemoveMemberDialog({
  destinationId,
  member,
  self,
  onClose,
  onRemoved,
  returnFocus,
}: Common & {
  self: boolean;
  onRemoved: () => void;
}) {
  const run = async () => {
    await api.delete(`/api/destinations/${destinationId}/members/${member.userId}`);
    onRemoved();
  };
  return (
    <Confirm
      title={self ? "Leave this destination?" : `Remove ${member.email}?`}
      action={self ? "Leave destination" : "Remove member"}
      busyText={self ? "Leaving…" : "Removing…"}
      danger
      run={run}
      onClose={onClose}
      returnFocus={returnFocus}
    >
      <p>
        {self
          ? "You lose access at once; an owner would have to invite you again."
          : `${member.email} loses access from their next click, including a dashboard they have open. Their past actions stay in the audit log.`}
      </p>
    </Confirm>
  );
}
