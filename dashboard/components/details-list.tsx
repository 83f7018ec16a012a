import type { ComponentChildren } from "preact";

/** One row of a details list: what it is, and its value (a row whose value is null or false is left out). */
export type DetailRow = readonly [term: string, value: ComponentChildren];

/**
 * A description list of term–value rows, as the request, client, payment and agent panels show them: each pair in its
 * own <div> (valid HTML for <dl>), so a screen reader reads "Reference, ORDER 7" together and the CSS lays rows out.
 */
export function DetailsList({ rows, class: extra }: { rows: readonly (DetailRow | null | false)[]; class?: string }) {
  return (
    <dl class={`details details-rows${extra ? ` ${extra}` : ""}`}>
      {rows
        .filter((row): row is DetailRow => Boolean(row))
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
