import type { ComponentChildren } from "preact";

interface Props {
  title: string;
  children: ComponentChildren;
  action?: ComponentChildren;
  /** The heading level that follows the heading above it: 2 right under a page's h1. */
  level?: 2 | 3;
}

/** What an empty list means and what to do next. */
export function EmptyState({ title, children, action, level = 3 }: Props) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <div class="empty-state">
      <Heading class="empty-state-title">{title}</Heading>
      <p>{children}</p>
      {action && <div class="empty-state-action">{action}</div>}
    </div>
  );
}
