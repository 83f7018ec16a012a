import type { Destination, Role } from "./types";

const RANK: Record<Role, number> = { viewer: 0, admin: 1, owner: 2 };

/** Whether the signed-in member may do what needs `needed`: the dashboard hides what the API would refuse. */
export const can = (destination: Pick<Destination, "role">, needed: Role) => RANK[destination.role] >= RANK[needed];

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", viewer: "Viewer" };

export const ROLE_OPTIONS = [
  { value: "viewer", label: "Viewer: sees everything, changes nothing" },
  { value: "admin", label: "Admin: client IDs, webhooks, requests and links" },
  { value: "owner", label: "Owner: everything, members included" },
] as const;
