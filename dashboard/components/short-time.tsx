import { formatDateTime, formatShortDateTime } from "../lib/format";

/** A compact timestamp for tables; the full date and time are in the tooltip and `datetime`. */
export function ShortTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)} class="nowrap">
      {formatShortDateTime(iso)}
    </time>
  );
}
