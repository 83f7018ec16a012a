// @payrelay/client: a typed client for Payrelay's orchestrator API (/v1), built on openapi-fetch.
export { createPayrelayClient, responseOf } from "./client.js";
export type {
  CreateOptions,
  EventListQuery,
  PaymentLink,
  PaymentLinkSummary,
  PaymentRequest,
  PaymentRequestDetail,
  PayrelayEvent,
  ResponseInfo,
  PayrelayClient,
  PayrelayClientOptions,
  RequestCreate,
  RequestListQuery,
} from "./client.js";
export { PayrelayError, type PayrelayErrorCode, type Problem, type ProblemCode } from "./errors.js";
export { EventFeed, type EventPage } from "./events.js";
export { paginate, type Page } from "./pagination.js";
export type { RetryPolicy } from "./retry.js";
export { contentDigest, signatureBase, signRequest, signingFetch, type SigningOptions } from "./signing.js";
export { verifyWebhook, WebhookVerificationError, type WebhookEvent, type WebhookEventType } from "./webhooks.js";
export type { components, paths, webhooks } from "./schema.js";
