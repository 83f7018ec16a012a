import type { ComponentChildren } from "preact";

interface Props {
  title: string;
  children: ComponentChildren;
  action?: ComponentChildren;
}

/** What an empty list means and what to do next. */
export function EmptyState({ title, children, action }: Props) {
  return (
    <div class="empty-state">
      <h3>{title}</h3>
      <p>{children}</p>
      {action && <div class="empty-state-action">{action}</div>}
    </div>
  );
}
