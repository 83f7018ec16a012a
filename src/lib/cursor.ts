import { base64url } from "./crypto";

/** Keyset position in a newest-first list: the last row's (createdAt, id). */
export type Cursor = { createdAt: number; id: string };

export function encodeCursor(c: Cursor): string {
  return base64url(new TextEncoder().encode(`${c.createdAt}.${c.id}`));
}

/** Null when the string is not a cursor this API issued. */
export function decodeCursor(s: string): Cursor | null {
  try {
    const text = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
    const m = /^(\d{1,15})\.((?:req|pay)_[0-9a-z]{16})$/.exec(text);
    return m ? { createdAt: Number(m[1]), id: m[2]! } : null;
  } catch {
    return null;
  }
}

/**
 * A catch-up cursor: the event log position read up to, opaque to callers.
 * Always issued (also on the last page), so a receiver stores it and resumes later.
 */
export function encodeEventCursor(position: number): string {
  return base64url(new TextEncoder().encode(`evt.${position}`));
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
