// No imports: the dashboard's types reach this file through the schemas, and it must build without Workers types.
/**
 * A catch-up cursor: the event log position read up to, opaque to callers.
 * Always issued (also on the last page), so a receiver stores it and resumes later.
 */
export function encodeEventCursor(position: number): string {
  return btoa(`evt.${position}`).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

/** The position, or null when the string is not a catch-up cursor this API issued. */
export function decodeEventCursor(s: string): number | null {
  try {
    const m = /^evt\.(\d{1,15})$/.exec(atob(s.replace(/-/g, "+").replace(/_/g, "/")));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
