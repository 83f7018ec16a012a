/** What a client ID may do: create or read requests of one direction. */
export const PERMISSIONS = ["incoming:creator", "outgoing:creator", "incoming:reader", "outgoing:reader"] as const;
export type Permission = (typeof PERMISSIONS)[number];
export const DEFAULT_PERMISSIONS: Permission[] = ["incoming:creator", "outgoing:creator"];
