import createClient, { type Middleware } from "openapi-fetch";
import { errorFromResponse } from "./errors.js";
import { EventFeed, type EventPage } from "./events.js";
import { IDEMPOTENT_OPERATIONS } from "./operations.js";
import { paginate, type Page } from "./pagination.js";
import { retryingFetch, type RetryPolicy, type Sleep } from "./retry.js";
import type { components, paths } from "./schema.js";
import { signingFetch, type SigningOptions } from "./signing.js";

type Schemas = components["schemas"];
export type PaymentRequest = Schemas["Request"];
/** A request with its payments, as GET /v1/requests/{id} and request.* events show it. */
export type PaymentRequestDetail = Schemas["RequestDetail"];
export type RequestCreate = Schemas["RequestCreate"];
export type PaymentLink = Schemas["PaymentLink"];
export type PaymentLinkSummary = Schemas["PaymentLinkSummary"];
export type PayrelayEvent = Schemas["WebhookEvent"];
export type RequestListQuery = NonNullable<paths["/v1/requests"]["get"]["parameters"]["query"]>;
export type EventListQuery = NonNullable<paths["/v1/events"]["get"]["parameters"]["query"]>;

export type PayrelayClientOptions = {
  /** Where Payrelay runs, e.g. "https://payrelay.example.com". */
  baseUrl: string;
  /** The client secret (prsk_…): sent as a bearer token, never logged by this package. */
  secret: string;
  /** Retries on 429, 503 and no answer (when safe); `{ maxAttempts: 1 }` turns them off. */
  retry?: RetryPolicy;
  /** How long one try may wait for an answer, in ms (default 30 000; 0: no limit). Retried like a network error. */
  timeoutMs?: number;
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

/** What the answer said beside its body: its Request-Id, the Idempotency-Key sent, whether it was a replay. */
export type ResponseInfo = { status: number; requestId: string | null; idempotencyKey: string | null; replayed: boolean };

const infos = new WeakMap<object, ResponseInfo>();

/**
 * The answer behind a result of this client: `responseOf(request).replayed` is true when a create
 * answered with the first response of its Idempotency-Key (Idempotent-Replayed: true).
 */
export function responseOf(result: object): ResponseInfo | undefined {
  return infos.get(result);
}

/**
 * Adds an Idempotency-Key to creates that lack one, so a retry (ours after a 503 or no answer, or
 * the caller's with `error.idempotencyKey`) cannot create twice; turns every non-2xx into a PayrelayError.
 */
function payrelayMiddleware(newKey: () => string): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      if (IDEMPOTENT_OPERATIONS.has(`${request.method.toLowerCase()} ${schemaPath}`) && !request.headers.has("idempotency-key"))
        request.headers.set("idempotency-key", newKey());
      return request;
    },
    async onResponse({ request, response }) {
      if (!response.ok) throw await errorFromResponse(response, { idempotencyKey: request.headers.get("idempotency-key") });
      return undefined;
    },
  };
}

/** `data` of an answer the middleware let through (a 2xx), remembered with what its response said. */
function ok<T>(result: { data?: T; response: Response }): T {
  const data = result.data as T;
  if (typeof data === "object" && data !== null) {
    const h = result.response.headers;
    infos.set(data, {
      status: result.response.status,
      requestId: h.get("request-id"),
      idempotencyKey: null,
      replayed: h.get("idempotent-replayed") === "true",
    });
  }
  return data;
}

/** ok(), for a create: also the Idempotency-Key it was sent with. */
function created<T>(result: { data?: T; response: Response }, key: string): T {
  const data = ok(result);
  const info = typeof data === "object" && data !== null ? infos.get(data) : undefined;
  if (info) info.idempotencyKey = key;
  return data;
}

/** A typed Payrelay client for orchestrators: the /v1 calls, plus `api` for every path of the document. */
export function createPayrelayClient(options: PayrelayClientOptions) {
  const platformFetch = options.fetch ?? ((request: Request) => fetch(request));
  const api = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: retryingFetch(
      options.signingKey ? signingFetch(platformFetch, options.signingKey) : platformFetch,
      options.retry,
      options.sleep,
      options.timeoutMs ?? 30_000,
    ),
    headers: { authorization: `Bearer ${options.secret}` },
  });
  const newKey = options.idempotencyKey ?? (() => crypto.randomUUID());
  api.use(payrelayMiddleware(newKey));
  // A create names its key here, not in the middleware, so the answer (or the error) can say which it was.
  const keyOf = (opts?: CreateOptions) => opts?.idempotencyKey ?? newKey();

  const requestPage = async (query: RequestListQuery): Promise<Page<PaymentRequest>> =>
    ok(await api.GET("/v1/requests", { params: { query } }));
  const eventPage = async (query: EventListQuery = {}): Promise<EventPage> => ok(await api.GET("/v1/events", { params: { query } }));

  return {
    /** The openapi-fetch client itself: every path typed; non-2xx answers throw PayrelayError. */
    api,
    requests: {
      create: async (destinationId: string, body: RequestCreate, opts?: CreateOptions): Promise<PaymentRequest> => {
        const key = keyOf(opts);
        const result = await api.POST("/v1/destinations/{destinationId}/requests", {
          params: { path: { destinationId }, header: { "idempotency-key": key } },
          body,
        });
        return created(result, key);
      },
      /** One request with its payments. */
      get: async (requestId: string): Promise<PaymentRequestDetail> =>
        ok(await api.GET("/v1/requests/{requestId}", { params: { path: { requestId } } })),
      /** One page; `list` walks them all. */
      page: requestPage,
      /** Every request this client may read, newest first, page by page as you iterate; filters as GET /v1/requests. */
      list: (query: Omit<RequestListQuery, "cursor"> = {}) => paginate((cursor) => requestPage({ ...query, cursor })),
      cancel: async (requestId: string, reason?: string): Promise<PaymentRequest> =>
        ok(await api.POST("/v1/requests/{requestId}/cancel", { params: { path: { requestId } }, body: reason ? { reason } : {} })),
      /** The request's timeline: the same event objects as webhooks and `events.list`. */
      events: async (requestId: string): Promise<PayrelayEvent[]> =>
        ok(await api.GET("/v1/requests/{requestId}/events", { params: { path: { requestId } } })).data,
    },
    payments: {
      /** Reports a transaction that pays a request; Payrelay verifies it on-chain (202 with the request as it now is). */
      submit: async (requestId: string, body: Schemas["PaymentSubmission"]): Promise<PaymentRequestDetail> =>
        ok(await api.POST("/v1/requests/{requestId}/payments", { params: { path: { requestId } }, body })),
    },
    paymentLinks: {
      create: async (requestId: string, body: Schemas["PaymentLinkCreate"] = {}, opts?: CreateOptions): Promise<PaymentLink> => {
        const key = keyOf(opts);
        const result = await api.POST("/v1/requests/{requestId}/payment-links", {
          params: { path: { requestId }, header: { "idempotency-key": key } },
          body,
        });
        return created(result, key);
      },
      /** A request's links, newest first, without their URLs (only the create's answer had it). */
      list: async (requestId: string): Promise<PaymentLinkSummary[]> =>
        ok(await api.GET("/v1/requests/{requestId}/payment-links", { params: { path: { requestId } } })).data,
    },
    webhookEndpoints: {
      create: async (body: Schemas["WebhookEndpointCreate"]) => ok(await api.POST("/v1/webhook-endpoints", { body })),
      list: async () => ok(await api.GET("/v1/webhook-endpoints")).data,
      delete: async (endpointId: string): Promise<void> => {
        await api.DELETE("/v1/webhook-endpoints/{endpointId}", { params: { path: { endpointId } } });
      },
      /** Sends a signed webhook.test to the endpoint. */
      test: async (endpointId: string) =>
        ok(await api.POST("/v1/webhook-endpoints/{endpointId}/test", { params: { path: { endpointId } } })),
      /** Its deliveries, newest first: status, attempts, last answer, next attempt. */
      deliveries: (endpointId: string) =>
        paginate(async (cursor) =>
          ok(await api.GET("/v1/webhook-endpoints/{endpointId}/deliveries", { params: { path: { endpointId }, query: { cursor } } })),
        ),
      retry: async (endpointId: string, deliveryId: string) =>
        ok(
          await api.POST("/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry", {
            params: { path: { endpointId, deliveryId } },
          }),
        ),
    },
    events: {
      /** One catch-up page: `nextCursor` (always there: store it) and `hasMore`. */
      page: eventPage,
      /**
       * The events this client's endpoints would receive (30 days), oldest first, from `cursor`
       * (absent: the oldest kept) until caught up. After the loop, `feed.cursor` is where to resume.
       */
      list: (query: EventListQuery = {}) => new EventFeed(eventPage, query),
    },
    client: {
      /** This client ID as the recipient sees it: permissions, limits, spent, remaining. */
      get: async () => ok(await api.GET("/v1/client")),
    },
  };
}

export type PayrelayClient = ReturnType<typeof createPayrelayClient>;
