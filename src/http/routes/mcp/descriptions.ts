/**
 * What each tool says to the model that calls it: what it does, what the
 * amounts mean, what a refusal means and what to do next. A refusal is a tool
 * result with isError: true whose structuredContent is the API's problem
 * ({status, code, detail, errors?}); the codes are the /v1 ones.
 */

const MONEY =
  'Amounts are decimal strings in major units ("12.50" is twelve and a half), never numbers, with at most the currency\'s decimals (6 for USDC).';

const REFUSALS =
  "If refused, read structuredContent.code: validation_failed (fix the named fields in errors[] and call again), " +
  "client_revoked or client_expired (this client ID can no longer create: stop and tell the person who runs you), " +
  "permission_denied (this client ID lacks the permission named in detail: do not retry), " +
  "allowance_exceeded (the outgoing budget is used up: do not retry; get_client shows what remains), " +
  "rate_limited (wait the seconds in detail, then retry with the same idempotencyKey), " +
  "storage_unavailable (retry shortly with the same idempotencyKey: it will not create twice), " +
  "idempotency_conflict (this idempotencyKey was used with other arguments: use a new key for a new request).";

export const DESCRIPTIONS = {
  create_request:
    "Create a payment request under this client's destination (destinationId is the dst_… id you were given). " +
    "direction incoming: a payer pays the destination; then call create_payment_link and give the payer its url. " +
    "direction outgoing: the destination pays the payee (required); it waits in pending_approval for the recipient unless within " +
    "the client's autoApproveUpTo, and counts against its outgoing budget. " +
    `${MONEY} currency is the destination's token symbol (e.g. USDC) or the fiat it is pegged to (USD). ` +
    "reference: at most 18 letters, digits and spaces (it reaches bank statements). " +
    "Always pass an idempotencyKey you keep (e.g. your order id): calling again with the same key and arguments returns the same request instead of a second one. " +
    REFUSALS,
  create_payment_link:
    "Create a public payment link for an incoming request this client created and that is still pending; give its url to the payer. " +
    "expiresInSeconds: default and maximum 604800 (7 days). Pass an idempotencyKey to get the same link back on a retry. " +
    "Refusals: invalid_state (the request is no longer pending: read it with get_request), permission_denied (another client created it), " +
    "not_found (no such request for this client), client_revoked, rate_limited, as for create_request.",
  get_request:
    "Read one request (req_…) this client created, or one of a direction it may read: its status, amount, amountPaid and payments. " +
    `${MONEY} Statuses: incoming pending → processing → partially_paid → paid, or cancelled/expired; ` +
    "outgoing pending_approval → approved → paid, or rejected/cancelled/expired. not_found means absent or not this client's to see.",
  list_requests:
    "List the requests this client created (plus every request of a direction it holds a reader permission for), newest first. " +
    "Filter by direction and status; limit 1–100 (default 20). When nextCursor is not null, pass it as cursor to get the next page.",
  cancel_request:
    "Cancel a request this client created (pending, pending_approval or approved). Cancelling again answers the cancelled request. " +
    "invalid_state means its status no longer allows it (e.g. already paid): read it with get_request. It works even after the client was revoked.",
  list_events:
    "Catch up on events (request.created, request.paid, request.cancelled, payment_link.created, …) about the requests this client may read, " +
    "oldest first, kept 30 days. Store nextCursor and pass it as cursor next time to get only newer events.",
  get_client:
    "Describe this client ID: its permissions, status (active or revoked), limits (outgoingBudget, autoApproveUpTo, createsPerMinute), " +
    `spent and remaining of the outgoing budget, and expiresAt. ${MONEY} Call it before an outgoing create to know what the budget allows.`,
} as const;
