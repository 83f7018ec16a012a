import { middleTruncate } from "../lib/format";
import { CopyButton } from "./copy-button";

interface Props {
  value: string;
  /** Names the value for the copy button: "client ID", "interop address". */
  label: string;
  /** Show the start and end only; the full value stays in the tooltip and the copy. */
  truncate?: boolean;
  copy?: boolean;
}

/** An id, address or secret: monospace, optionally shortened, with a copy button. */
export function MonoValue({ value, label, truncate = false, copy = true }: Props) {
  return (
    <span class={`mono-value${truncate ? "" : " mono-value-full"}`}>
      <code class="mono" title={truncate ? value : undefined}>
        {truncate ? middleTruncate(value) : value}
      </code>
      {copy && <CopyButton value={value} label={label} />}
    </span>
  );
}
