/** Every status a request can have (the contract's "Request lifecycle"): the one list the database, the API schemas and the dashboard read. */
export const REQUEST_STATUSES = [
  "pending",
  "processing",
  "partially_paid",
  "paid",
  "cancelled",
  "expired",
  "pending_approval",
  "approved",
  "rejected",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
