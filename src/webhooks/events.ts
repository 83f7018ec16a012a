/** The contract's event types (docs/http-contract.md, "Webhooks"). */
export const WEBHOOK_EVENT_TYPES = [
  "request.created",
  "request.processing",
  "request.partially_paid",
  "request.paid",
  "request.cancelled",
  "request.expired",
  "request.approved",
  "request.rejected",
  "request.payment_after_close",
  "request.payment_dropped", // added: a confirming transaction left the chain (reorg or dropped) and no longer counts
  "request.refunded", // added (API v1.2, seeds): the recipient recorded a refund
  "payment_link.created",
  "client.revoked",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by "send test event", to one endpoint; never listed by the catch-up routes. */
export const TEST_EVENT_TYPE = "webhook.test";

/** Events a catch-up page holds by default, and at most (`limit`). */
export const EVENTS_PAGE = 50;
export const EVENTS_PAGE_MAX = 100;

/** Delay before retry n (1-based) after a failed attempt: the contract's schedule. */
export const RETRY_SCHEDULE_MS = [5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400].map((s) => s * 1000);
/** First attempt plus one per scheduled retry. */
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;
/** Queues caps delaySeconds at 12 h; longer waits are chained through the delivery's not-before time. */
export const MAX_QUEUE_DELAY_S = 43_200;
/** An endpoint failing every delivery this long is disabled. */
export const FAILING_DISABLE_MS = 5 * 24 * 3600_000;
/** Events (the catch-up source) and their deliveries are kept 30 days. */
export const EVENT_RETENTION_MS = 30 * 24 * 3600_000;
export const DELIVERY_TIMEOUT_MS = 15_000;
/** At most this much of a receiver's answer is read: its status is what matters. */
export const RESPONSE_READ_LIMIT = 4096;

/** One queue message: which delivery of which destination to attempt. */
export type DeliveryMessage = { destinationId: string; deliveryId: string };

/** What the authority hands the consumer for one attempt. */
export type AttemptJob =
  | { action: "drop" }
  | { action: "wait"; notBefore: number }
  | { action: "send"; endpointId: string; url: string; eventId: string; body: string; sealedSecrets: string[]; attempt: number };

/** An attempt's result as the consumer saw it: an HTTP status, or none (timeout, network, refused URL). */
export type AttemptOutcome = { status: number | null; error: string | null };
