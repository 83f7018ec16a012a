import { Webhook } from "standardwebhooks";
import type { components, webhooks } from "./schema.js";

type Schemas = components["schemas"];
/** The body every event is delivered with, as the document's `webhooks` section lists it. */
type EventBody = webhooks[keyof webhooks]["post"]["requestBody"]["content"]["application/json"];
export type WebhookEventType = EventBody["type"];

/** What `data.object` is for each event type: the API's own view of the thing at that event. */
type ObjectFor<T extends WebhookEventType> = T extends `request.${string}`
  ? Schemas["Request"]
  : T extends "client.revoked"
    ? Schemas["Client"]
    : // A payment link's event names it without its URL (the URL carries the payer's capability token).
      { id: string; requestId: string; destinationId: string; expiresAt: string; createdAt: string };

/** A verified event, narrowed by `type`: `if (event.type === "request.paid") event.data.object.amountPaid`. */
export type WebhookEvent = {
  [T in WebhookEventType]: Omit<EventBody, "type" | "data"> & { type: T; data: { object: ObjectFor<T> } };
}[WebhookEventType];

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

const HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

function signatureHeaders(source: HeaderSource): Record<(typeof HEADERS)[number], string> {
  const get = (name: string) => {
    if (source instanceof Headers) return source.get(name) ?? "";
    const value = source[name] ?? Object.entries(source).find(([k]) => k.toLowerCase() === name)?.[1];
    return Array.isArray(value) ? value.join(" ") : (value ?? "");
  };
  return Object.fromEntries(HEADERS.map((h) => [h, get(h)])) as Record<(typeof HEADERS)[number], string>;
}

/**
 * Verifies a delivery per Standard Webhooks (signature over the raw body, timestamp within
 * five minutes) and returns its typed event; throws on a forged, altered or stale one.
 * Pass the body exactly as received: re-serialised JSON no longer matches its signature.
 */
export function verifyWebhook(secret: string, rawBody: string, headers: HeaderSource): WebhookEvent {
  return new Webhook(secret).verify(rawBody, signatureHeaders(headers)) as WebhookEvent;
}

export { WebhookVerificationError } from "standardwebhooks";
