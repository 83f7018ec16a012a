import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

interface Props {
  /** What the secret is for, e.g. "This secret will not be shown again." */
  title: string;
  /** How to use and keep it, under the title. */
  warning: ComponentChildren;
  /** What losing it costs, asked before closing ("You would have to …"). */
  ifLost: string;
  /** The values to copy; the block holding the secret carries `data-secret`, where focus returns after "keep". */
  children: ComponentChildren;
  onDone: () => void;
  /** Escape or × was pressed: ask before the secret is gone for good. */
  confirming: boolean;
  onKeep: () => void;
  /** Start the surrounding Dialog here rather than on ×, when this replaced a form inside the same dialog. */
  autofocus?: boolean;
  testId?: string;
}

/**
 * The one time a secret (a client's, a webhook endpoint's) is on screen: a
 * warning, the values, and a confirmation before closing loses it. Focus starts
 * at the warning, moves to the safe answer when asking, and back to the secret's
 * copy button when the answer is "keep".
 */
export function OneTimeSecret({ title, warning, ifLost, children, onDone, confirming, onKeep, autofocus, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // The form that had focus is gone; start reading at the warning.
  useEffect(() => ref.current?.focus(), []);
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) ref.current?.querySelector<HTMLButtonElement>("[data-secret] button")?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <div class="form" ref={ref} tabIndex={-1} autofocus={autofocus} data-testid={testId}>
      {confirming ? (
        <div class="alert alert-warning" role="alert">
          <p class="alert-title">Close without storing the secret?</p>
          <p>Once this dialog is closed, the secret cannot be shown again. {ifLost}</p>
          <div class="form-actions">
            <button type="button" class="btn btn-secondary" ref={keep} onClick={onKeep}>
              Keep the secret open
            </button>
            <button type="button" class="btn btn-danger" onClick={onDone}>
              Close and lose the secret
            </button>
          </div>
        </div>
      ) : (
        <div class="alert alert-warning" role="alert">
          <p class="alert-title">{title}</p>
          <p>{warning}</p>
        </div>
      )}
      {children}
      <div class="form-actions">
        <button type="button" class="btn btn-primary" onClick={onDone}>
          I have stored the secret
        </button>
      </div>
    </div>
  );
}
