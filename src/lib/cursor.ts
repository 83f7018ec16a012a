// No imports: the dashboard's types reach this file through the schemas, and it must build without Workers types.

/**
 * Every list's cursor has one format: base64url (no padding) of `<position>`, where the position names the list
 * that issued it, so one list's cursor is a 400 on another. Opaque to callers, who pass `nextCursor` back as it came.
 *
 * - a newest-first keyset list (requests, unattributed payments, webhook deliveries): the last row's
 *   `<createdAt>.<id>`, the id's prefix naming the list;
 * - a log read in order (events catch-up, the audit log): `<evt|aud>.<position>`.
 */
const encode = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

const decode = (s: string): string | null => {
  try {
    return atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
};

/** Keyset position in a newest-first list: the last row's (createdAt, id). */
export type Cursor = { createdAt: number; id: string };

/** The id prefixes of the keyset lists: requests, unattributed payments, webhook deliveries. */
export type KeysetKind = "req" | "pay" | "whd";

export const encodeCursor = (c: Cursor): string => encode(`${c.createdAt}.${c.id}`);

/** Null when the string is not a cursor of one of these lists. */
export function decodeCursor(s: string, kinds: readonly KeysetKind[] = ["req", "pay"]): Cursor | null {
  const m = /^(\d{1,15})\.([a-z]{3})_([0-9a-z]{16})$/.exec(decode(s) ?? "");
  if (!m || !(kinds as readonly string[]).includes(m[2]!)) return null;
  return { createdAt: Number(m[1]), id: `${m[2]}_${m[3]}` };
}

/** A position in an ordered log: `evt` the events catch-up, `aud` the audit log. */
export type LogKind = "evt" | "aud";

export const encodeLogCursor = (kind: LogKind, position: number): string => encode(`${kind}.${position}`);

/** The position, or null when the string is not a cursor of that log. */
export function decodeLogCursor(kind: LogKind, s: string): number | null {
  const m = /^([a-z]{3})\.(\d{1,15})$/.exec(decode(s) ?? "");
  return m && m[1] === kind ? Number(m[2]) : null;
}

/** A catch-up cursor: the event log position read up to; always issued (also on the last page), so a receiver resumes later. */
export const encodeEventCursor = (position: number): string => encodeLogCursor("evt", position);
export const decodeEventCursor = (s: string): number | null => decodeLogCursor("evt", s);
