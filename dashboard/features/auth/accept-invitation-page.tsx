import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { Link } from "../../components/link";
import { ProblemAlert } from "../../components/problem-alert";
import { announce } from "../../lib/announce";
import { api, toProblem } from "../../lib/api";
import { destinationName } from "../../lib/destination-name";
import { useFocusProblem } from "../../lib/use-focus-problem";
import { navigate } from "../../lib/router";
import { ROLE_LABELS } from "../../lib/roles";
import { useSession } from "../../lib/session";
import type { Destination, Problem } from "../../lib/types";
import { useTitle } from "../../lib/use-title";

/** Where an invitation link lands once signed in: accept it as the signed-in user, then go to the destination. */
export function AcceptInvitationPage({ token }: { token: string }) {
  useTitle("Accept invitation");
  const { session } = useSession();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const alert = useRef<HTMLDivElement>(null);
  useFocusProblem(problem, alert);

  const accept = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const d = await api.post<Destination>(`/api/invitations/${encodeURIComponent(token)}/accept`);
      announce(`You joined ${destinationName(d)} as ${ROLE_LABELS[d.role].toLowerCase()}.`);
      navigate(`/destinations/${d.id}`, { replace: true });
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
    }
  };

  return (
    <div class="page">
      <h1>Join a destination</h1>
      <p>
        You were invited to a Payrelay destination. You are signed in as <strong>{session.user.email}</strong>; the invitation works only
        for the address it was sent to.
      </p>
      <div ref={alert}>
        <ProblemAlert problem={problem} />
      </div>
      <div class="form-actions">
        <Link href="/" class="btn btn-secondary">
          Not now
        </Link>
        <BusyButton class="btn btn-primary" onClick={() => void accept()} busy={busy} busyText="Joining…">
          Accept invitation
        </BusyButton>
      </div>
    </div>
  );
}
