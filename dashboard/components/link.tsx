import type { ComponentChildren } from "preact";
import { navigate } from "../lib/router";

interface Props {
  href: string;
  children: ComponentChildren;
  class?: string;
  "aria-current"?: "page" | undefined;
}

/** An ordinary link that navigates in-app unless the user asks for a new tab. */
export function Link({ href, children, class: cls, ...rest }: Props) {
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} class={cls} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
