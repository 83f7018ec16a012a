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
