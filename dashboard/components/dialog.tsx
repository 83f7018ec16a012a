import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef } from "preact/hooks";
import { focusSoon, pageHeading } from "../lib/focus";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Props {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Wider layout for forms with several columns. */
  wide?: boolean;
  /** Where focus goes on close when the dialog changed the page (the new or revoked row). */
  returnFocus?: () => HTMLElement | null | undefined;
}

/**
 * A modal built on the native <dialog>: showModal() makes the rest of the page
 * inert (focus stays inside) and Escape fires `cancel`. Mount it only while open.
 * It opens on its first field (or `autofocus` control), not on ×. On unmount focus
 * goes to `returnFocus()`, else back to the opener if it still exists, else to the
 * page heading: never to <body>.
 */
export function Dialog({ title, onClose, children, wide = false, returnFocus }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const after = useRef(returnFocus);
  after.current = returnFocus;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    dialog?.showModal();
    dialog?.querySelector<HTMLElement>(".dialog-body [autofocus], .dialog-body input, .dialog-body select, .dialog-body textarea")?.focus();
    return () => {
      dialog?.close();
      const target = () => after.current?.() ?? (opener?.isConnected ? opener : pageHeading());
      target()?.focus();
      // Again once this render has settled: the opener may be on its way out (a revoked row's button, an empty state).
      focusSoon(target);
    };
  }, []);

  const cancel = (event: Event) => {
    event.preventDefault();
    onClose();
  };

  // A modal <dialog> still lets Tab leave for the browser's own UI; keep it cycling inside.
  const keepFocusInside = (event: KeyboardEvent) => {
    if (event.key !== "Tab" || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !ref.current.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog ref={ref} class={`dialog${wide ? " dialog-wide" : ""}`} aria-labelledby={titleId} onCancel={cancel} onKeyDown={keepFocusInside}>
      <div class="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" class="btn btn-ghost btn-icon" aria-label="Close dialog" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div class="dialog-body">{children}</div>
    </dialog>
  );
}
