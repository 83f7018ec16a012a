import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import { toProblem } from "../lib/api";
import type { Problem } from "../lib/types";
import { useFocusProblem } from "../lib/use-focus-problem";
import { BusyButton } from "./busy-button";
import { Dialog } from "./dialog";
import { ProblemAlert } from "./problem-alert";

interface Props {
  /** Names what happens, to how much and whom: "Reject 42.00 GBP to Landlord Ltd?". */
  title: string;
  /** What follows, as the Revoke dialog says it: a short list of consequences (and any field the action takes). */
  children: ComponentChildren;
  keepLabel: string;
  confirmLabel: string;
  busyText: string;
  /** Runs the action; a thrown error is shown here and the dialog stays open. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  returnFocus?: () => HTMLElement | null | undefined;
  /** `primary` for a change that can be changed back (a member's role); `danger` (the default) for one that cannot. */
  tone?: "danger" | "primary";
  /** False when the dialog's own field should take focus first (the dialog's default), not the safe answer. */
  focusKeep?: boolean;
}

/**
 * The Revoke dialog's pattern for every action that cannot be undone: it says what
 * happens first, opens on the safe answer (or the dialog's own field), and takes a
 * second, deliberate press on the danger button. No <form>, so Enter in a field
 * never confirms. Escape and × keep things as they were.
 */
export function ConfirmDialog({
  title,
  children,
  keepLabel,
  confirmLabel,
  busyText,
  onConfirm,
  onClose,
  returnFocus,
  tone = "danger",
  focusKeep = true,
}: Props) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const alert = useRef<HTMLDivElement>(null);
  useFocusProblem(problem, alert);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await onConfirm();
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
        <button type="button" class="btn btn-secondary" onClick={onClose} autoFocus={focusKeep}>
          {keepLabel}
        </button>
        <BusyButton class={`btn btn-${tone}`} onClick={() => void confirm()} busy={busy} busyText={busyText}>
          {confirmLabel}
        </BusyButton>
      </div>
    </Dialog>
  );
}
