import createClient, { type Middleware } from "openapi-fetch";
import { errorFromResponse } from "./errors.js";
import { IDEMPOTENT_OPERATIONS } from "./operations.js";
import { paginate, type Page } from "./pagination.js";
import { retryingFetch, type RetryPolicy, type Sleep } from "./retry.js";
import type { components, paths } from "./schema.js";
import { signingFetch, type SigningOptions } from "./signing.js";

type Schemas = components["schemas"];
export type PaymentRequest = Schemas["Request"];
export type RequestCreate = Schemas["RequestCreate"];
export type PaymentLink = Schemas["PaymentLink"];
export type RequestListQuery = NonNullable<paths["/v1/requests"]["get"]["parameters"]["query"]>;
export type EventListQuery = NonNullable<paths["/v1/events"]["get"]["parameters"]["query"]>;

export type PayrelayClientOptions = {
  /** Where Payrelay runs, e.g. "https://payrelay.example.com". */
  baseUrl: string;
  /** The client secret (prsk_…): sent as a bearer token, never logged by this package. */
  secret: string;
  /** Retries on 429 and 503; `{ maxAttempts: 1 }` turns them off. */
  retry?: RetryPolicy;
  /** The Idempotency-Key a create gets when the call names none (default: a random UUID). */
  idempotencyKey?: () => string;
  /** A fetch to call through (tests, proxies, instrumentation); default: the platform's. */
  fetch?: (request: Request) => Promise<Response>;
  /** How retries wait (tests). */
  sleep?: Sleep;
  /**
   * Sign every POST (RFC 9421, label `payrelay`) with the client's private key, for a client whose recipient
   * set its public key (required when the client has requireSignedRequests). Each attempt is signed afresh.
   */
  signingKey?: SigningOptions;
};

/** Per-call options of a create. */
export type CreateOptions = { idempotencyKey?: string };

/**
 * Adds an Idempotency-Key to creates that lack one, so a retry (ours after a 503, or the
 * caller's after a timeout) cannot create twice; turns every non-2xx into a PayrelayError.
 */
function payrelayMiddleware(newKey: () => string): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      if (IDEMPOTENT_OPERATIONS.has(`${request.method.toLowerCase()} ${schemaPath}`) && !request.headers.has("idempotency-key"))
        request.headers.set("idempotency-key", newKey());
      return request;
    },
    async onResponse({ response }) {
      if (!response.ok) throw await errorFromResponse(response);
      return undefined;
    },
  };
}

/** `data` of an answer the middleware let through (a 2xx). */
function ok<T>(result: { data?: T }): T {
  return result.data as T;
}

const keyHeader = (options?: CreateOptions) => (options?.idempotencyKey ? { "idempotency-key": options.idempotencyKey } : {});

/** A typed Payrelay client for orchestrators: the /v1 calls, plus `api` for every path of the document. */
export function createPayrelayClient(options: PayrelayClientOptions) {
  const platformFetch = options.fetch ?? ((request: Request) => fetch(request));
  const api = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: retryingFetch(
      options.signingKey ? signingFetch(platformFetch, options.signingKey) : platformFetch,
      options.retry,
      options.sleep,
    ),
    headers: { authorization: `Bearer ${options.secret}` },
  });
  api.use(payrelayMiddleware(options.idempotencyKey ?? (() => crypto.randomUUID())));

  const requestPage = async (query: RequestListQuery): Promise<Page<PaymentRequest>> =>
    ok(await api.GET("/v1/requests", { params: { query } }));

  return {
    /** The openapi-fetch client itself: every path typed; non-2xx answers throw PayrelayError. */
    api,
    requests: {
      create: async (destinationId: string, body: RequestCreate, opts?: CreateOptions): Promise<PaymentRequest> =>
        ok(
          await api.POST("/v1/destinations/{destinationId}/requests", {
            params: { path: { destinationId }, header: keyHeader(opts) },
            body,
          }),
        ),
      get: async (requestId: string): Promise<PaymentRequest> =>
        ok(await api.GET("/v1/requests/{requestId}", { params: { path: { requestId } } })),
      /** One page; `list` walks them all. */
      page: requestPage,
      /** Every request this client may read, newest first, page by page as you iterate. */
      list: (query: Omit<RequestListQuery, "cursor"> = {}) => paginate((cursor) => requestPage({ ...query, cursor })),
      cancel: async (requestId: string, reason?: string): Promise<PaymentRequest> =>
        ok(await api.POST("/v1/requests/{requestId}/cancel", { params: { path: { requestId } }, body: reason ? { reason } : {} })),
      events: async (requestId: string) => ok(await api.GET("/v1/requests/{requestId}/events", { params: { path: { requestId } } })).data,
    },
    paymentLinks: {
      create: async (requestId: string, body: Schemas["PaymentLinkCreate"] = {}, opts?: CreateOptions): Promise<PaymentLink> =>
        ok(await api.POST("/v1/requests/{requestId}/payment-links", { params: { path: { requestId }, header: keyHeader(opts) }, body })),
    },
    webhookEndpoints: {
      create: async (body: Schemas["WebhookEndpointCreate"]) => ok(await api.POST("/v1/webhook-endpoints", { body })),
      list: async () => ok(await api.GET("/v1/webhook-endpoints")).data,
      delete: async (endpointId: string): Promise<void> => {
        await api.DELETE("/v1/webhook-endpoints/{endpointId}", { params: { path: { endpointId } } });
      },
    },
    events: {
      /** Events this client's endpoints would receive (30 days), oldest first: replay what a receiver missed. */
      list: (query: Omit<EventListQuery, "cursor"> = {}) =>
        paginate(async (cursor) => ok(await api.GET("/v1/events", { params: { query: { ...query, cursor } } }))),
    },
  };
}

export type PayrelayClient = ReturnType<typeof createPayrelayClient>;
