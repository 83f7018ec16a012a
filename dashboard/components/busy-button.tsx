import type { ComponentChildren, JSX } from "preact";

type Props = Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, "disabled" | "onClick"> & {
  /** While true the button reads "busy" and ignores clicks, but keeps focus. */
  busy?: boolean;
  /** Not usable now (e.g. an expired challenge); still focusable and announced as dimmed. */
  unavailable?: boolean;
  busyText?: string;
  onClick?: (event: MouseEvent) => void;
  children: ComponentChildren;
};

/**
 * A button that is never `disabled`: a disabled button drops focus to <body> the
 * moment it is pressed, so the next Tab starts over. aria-disabled says "not now"
 * to assistive technology while the button keeps focus; clicks are swallowed here.
 */
export function BusyButton({ busy = false, unavailable = false, busyText, onClick, children, type = "button", ...rest }: Props) {
  const inert = busy || unavailable;
  const click = (event: MouseEvent) => {
    if (inert) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button type={type} aria-disabled={inert ? "true" : undefined} onClick={click} {...rest}>
      {busy && busyText ? busyText : children}
    </button>
  );
}
