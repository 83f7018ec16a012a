/** Every status a request can have: the one list the database, the API schemas and the dashboard read. */
export const REQUEST_STATUSES = ["pending", "paid", "cancelled", "failed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
