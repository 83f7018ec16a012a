import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef } from "preact/hooks";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Props {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Wider layout for forms with several columns. */
  wide?: boolean;
}

/**
 * A modal built on the native <dialog>: showModal() makes the rest of the page
 * inert (focus stays inside) and Escape fires `cancel`. Mount it only while open;
 * on unmount focus returns to whatever opened it.
 */
export function Dialog({ title, onClose, children, wide = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.showModal();
    return () => {
      ref.current?.close();
      opener?.focus();
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
