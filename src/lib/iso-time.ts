const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const DAY_MS = 86_400_000;
/** 9999-12-31T23:59:59.999Z: past it (or before 1970) toISOString's own format applies. */
const LAST_MS = 253_402_300_799_999;

/**
 * `new Date(ms).toISOString()`, written without a Date: every request a list
 * returns carries two or three timestamps, and formatting them through Date was
 * most of a row's serialisation (bench/README.md). Days to a civil date by
 * Howard Hinnant's `civil_from_days`. The test compares it with Date over
 * random times and the edges.
 */
export function isoTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > LAST_MS) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  return `${String(year).padStart(4, "0")}-${TWO[month]}-${TWO[day]}T${TWO[hour]}:${TWO[minute]}:${TWO[second]}.${String(milli).padStart(3, "0")}Z`;
}

/** isoTime, or null for no time (an optional column). */
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : isoTime(ms));
