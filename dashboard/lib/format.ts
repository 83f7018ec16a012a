/**
 * A decimal string for reading, never through a float: integer digits grouped, and
 * the zeros a 6- or 18-decimal token pads with trimmed down to cents
 * ("1250.000000" → "1,250.00", "0.123400" → "0.1234").
 */
export function formatAmount(amount: string): string {
  const [whole = "0", fraction] = amount.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (fraction === undefined) return grouped;
  const keep = Math.min(2, fraction.length);
  const trimmed = fraction.replace(/0+$/, "");
  return `${grouped}.${trimmed.length >= keep ? trimmed : fraction.slice(0, keep)}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

/** A timestamp as the reader's local date and time. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

const short = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
const shortWithYear = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** Compact form for table cells: "Nov 23, 9:38 AM" this year, "Nov 23, 2025" before. */
export function formatShortDateTime(iso: string): string {
  const date = new Date(iso);
  return (date.getFullYear() === new Date().getFullYear() ? short : shortWithYear).format(date);
}

/** A YYYY-MM-DD date, shown without shifting it into the reader's time zone. */
export function formatDate(ymd: string): string {
  return dateOnly.format(new Date(`${ymd}T00:00:00Z`));
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "5 minutes ago", "in 2 hours", "just now". */
export function formatRelative(iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  }
  return "just now";
}

/** Time left as "6 d 23 h", "14 min 05 s"; empty once it has passed. */
export function formatCountdown(ms: number): string {
  if (ms <= 0) return "";
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  return `${m} min ${sec} s`;
}

/** Keeps the start and end of a long id or address: `0x2c75…5c23`. */
export function middleTruncate(value: string, head = 8, tail = 6): string {
  return value.length <= head + tail + 1 ? value : `${value.slice(0, head)}…${value.slice(-tail)}`;
}
