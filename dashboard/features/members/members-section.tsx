import { useRef, useState } from "preact/hooks";
import { ACTIONS, DataTable } from "../../components/data-table";
import { ProblemAlert } from "../../components/problem-alert";
import { ShortTime } from "../../components/short-time";
import { announce } from "../../lib/announce";
import { api, toProblem } from "../../lib/api";
import { focusSoon } from "../../lib/focus";
import { navigate } from "../../lib/router";
import { can, ROLE_LABELS } from "../../lib/roles";
import { useSession } from "../../lib/session";
import type { Destination, Invitation, Member, Problem } from "../../lib/types";
import { useResource } from "../../lib/use-resource";
import { InviteDialog } from "./invite-dialog";
import { ChangeRoleDialog, RemoveMemberDialog } from "./member-dialogs";

type Open = { kind: "invite" } | { kind: "role" | "remove"; member: Member } | null;

/** The people of a destination: everyone sees the list; owners invite, change roles and remove; anyone may leave. */
export function MembersSection({ destination }: { destination: Destination }) {
  const me = useSession().session.user.id;
  const owner = can(destination, "owner");
  const base = `/api/destinations/${destination.id}`;
  const members = useResource(`members:${destination.id}`, () => api.get<{ data: Member[] }>(`${base}/members`));
  const invitations = useResource(`invitations:${destination.id}:${owner}`, () =>
    owner ? api.get<{ data: Invitation[] }>(`${base}/invitations`) : Promise.resolve({ data: [] }),
  );
  const [open, setOpen] = useState<Open>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const changed = useRef<string | null>(null);
  const list = members.data?.data ?? [];
  const pending = invitations.data?.data ?? [];
  const claimed = destination.status === "claimed";
  // After a dialog, focus goes to the row it changed (or the heading when the row is gone).
  const changedRow = () =>
    document.querySelector<HTMLElement>(changed.current ? `[data-row="${changed.current}"] .row-name` : "#members-title");

  const withdraw = async (inv: Invitation) => {
    setProblem(null);
    try {
      await api.delete(`${base}/invitations/${inv.id}`);
      invitations.set({ data: pending.filter((i) => i.id !== inv.id) });
      announce(`Invitation for ${inv.email} withdrawn; its link no longer works.`);
      focusSoon(() => document.querySelector<HTMLElement>("#invitations-title") ?? document.querySelector<HTMLElement>("#members-title"));
    } catch (error) {
      setProblem(toProblem(error));
    }
  };

  return (
    <section aria-labelledby="members-title">
      <div class="section-header">
        <div>
          <h2 id="members-title" tabIndex={-1}>
            Members
          </h2>
          <p class="muted">
            Owners manage members; admins run client IDs, webhooks and requests; viewers see everything and change nothing.
          </p>
        </div>
        {owner && claimed && (
          <button type="button" class="btn btn-primary" onClick={() => setOpen({ kind: "invite" })}>
            Invite member
          </button>
        )}
      </div>
      <ProblemAlert problem={members.problem ?? invitations.problem ?? problem} />
      {members.loading && !members.data ? (
        <p class="loading">Loading members…</p>
      ) : (
        <div class="card">
          <DataTable columns={["Member", "Role", "Added", ACTIONS]}>
            {list.map((m) => (
              <tr key={m.userId} data-row={m.userId}>
                <td data-label="Member">
                  <span class="row-name" tabIndex={-1}>
                    {m.email}
                  </span>
                  {m.userId === me && <span class="muted"> (you)</span>}
                </td>
                <td data-label="Role">{ROLE_LABELS[m.role]}</td>
                <td data-label="Added">
                  <ShortTime iso={m.addedAt} />
                </td>
                <td data-label="Actions" class="row-actions">
                  {owner && claimed && (
                    <button type="button" class="btn btn-secondary btn-sm" onClick={() => setOpen({ kind: "role", member: m })}>
                      Change role<span class="visually-hidden"> of {m.email}</span>
                    </button>
                  )}
                  {claimed && (owner || m.userId === me) && (
                    <button type="button" class="btn btn-danger btn-sm" onClick={() => setOpen({ kind: "remove", member: m })}>
                      {m.userId === me ? "Leave" : "Remove"}
                      <span class="visually-hidden"> {m.email}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
      {owner && pending.length > 0 && (
        <>
          <h3 id="invitations-title" tabIndex={-1}>
            Open invitations
          </h3>
          <ul class="invitation-list">
            {pending.map((inv) => (
              <li key={inv.id} data-row={inv.id}>
                <span class="row-name">{inv.email}</span> as {ROLE_LABELS[inv.role].toLowerCase()}, until <ShortTime iso={inv.expiresAt} />{" "}
                <button type="button" class="btn btn-secondary btn-sm" onClick={() => void withdraw(inv)}>
                  Withdraw<span class="visually-hidden"> the invitation for {inv.email}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {open?.kind === "invite" && (
        <InviteDialog
          destinationId={destination.id}
          onClose={() => setOpen(null)}
          onInvited={(inv) => {
            changed.current = null;
            invitations.set({ data: [inv, ...pending.filter((i) => i.email !== inv.email)] });
          }}
          returnFocus={() => document.querySelector<HTMLElement>("#invitations-title")}
        />
      )}
      {open?.kind === "role" && (
        <ChangeRoleDialog
          destinationId={destination.id}
          member={open.member}
          onClose={() => setOpen(null)}
          returnFocus={changedRow}
          onChanged={(m) => {
            changed.current = m.userId;
            members.set({ data: list.map((x) => (x.userId === m.userId ? m : x)) });
            setOpen(null);
            announce(`${m.email} is now ${ROLE_LABELS[m.role].toLowerCase()}.`);
            // Demoting yourself changes what this page may show.
            if (m.userId === me) location.reload();
          }}
        />
      )}
      {open?.kind === "remove" && (
        <RemoveMemberDialog
          destinationId={destination.id}
          member={open.member}
          self={open.member.userId === me}
          onClose={() => setOpen(null)}
          returnFocus={changedRow}
          onRemoved={() => {
            const gone = open.member;
            changed.current = null;
            setOpen(null);
            if (gone.userId === me) {
              announce("You left the destination.");
              navigate("/");
              return;
            }
            members.set({ data: list.filter((x) => x.userId !== gone.userId) });
            announce(`${gone.email} removed. Their access has ended.`);
          }}
        />
      )}
    </section>
  );
}
