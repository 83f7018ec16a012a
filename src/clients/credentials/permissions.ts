/** What a client ID may do: create or read requests of one direction. */
export const PERMISSIONS = ["incoming:creator", "outgoing:creator", "incoming:reader", "outgoing:reader"] as const;
export type Permission = (typeof PERMISSIONS)[number];
export const DEFAULT_PERMISSIONS: Permission[] = ["incoming:creator", "outgoing:creator"];

/** A client ID is active until revoked; revocation is permanent. (Expiry is a limit, judged on its time.) */
export const CLIENT_STATUSES = ["active", "revoked"] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
