import type { ComponentChildren } from "preact";

/** A column heading; `hidden` ones are read by screen readers only (an actions column has no visible heading). */
export type Column = string | { label: string; hidden?: true; class?: string };

/**
 * The dashboard's tables: the same markup everywhere (stacked into labelled cards on a phone by `table-stack`), column
 * headings scoped to their columns, and the rows the caller renders (each cell carries `data-label`, the heading it
 * shows under when stacked).
 */
export function DataTable({ columns, label, children }: { columns: readonly Column[]; label?: string; children: ComponentChildren }) {
  return (
    <table class="table table-stack" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) =>
            typeof c === "string" ? (
              <th key={c} scope="col">
                {c}
              </th>
            ) : (
              <th key={c.label} scope="col" class={c.class}>
                {c.hidden ? <span class="visually-hidden">{c.label}</span> : c.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** The actions column's heading, read by screen readers only. */
export const ACTIONS: Column = { label: "Actions", hidden: true };
