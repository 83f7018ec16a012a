import { useState } from "preact/hooks";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { SelectField } from "../../components/fields";
import { api } from "../../lib/api";
import { ROLE_LABELS, ROLE_OPTIONS } from "../../lib/roles";
import type { Member, Role } from "../../lib/types";

interface Common {
  destinationId: string;
  member: Member;
  onClose: () => void;
  returnFocus: () => HTMLElement | null | undefined;
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
    <ConfirmDialog
      title={`Change ${member.email}'s role`}
      keepLabel="Cancel"
      confirmLabel="Change role"
      busyText="Changing…"
      tone="primary"
      focusKeep={false}
      onConfirm={run}
      onClose={onClose}
      returnFocus={returnFocus}
    >
      <p>
        {member.email} is {ROLE_LABELS[member.role].toLowerCase()} now. A new role applies from their next click.
      </p>
      <SelectField label="New role" value={role} onValue={(v) => setRole(v as Role)} options={ROLE_OPTIONS} />
    </ConfirmDialog>
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
    <ConfirmDialog
      title={self ? "Leave this destination?" : `Remove ${member.email}?`}
      keepLabel="Cancel"
      confirmLabel={self ? "Leave destination" : "Remove member"}
      busyText={self ? "Leaving…" : "Removing…"}
      onConfirm={run}
      onClose={onClose}
      returnFocus={returnFocus}
    >
      <p>
        {self
          ? "You lose access at once; an owner would have to invite you again."
          : `${member.email} loses access from their next click, including a dashboard they have open. Their past actions stay in the audit log.`}
      </p>
    </ConfirmDialog>
  );
}
