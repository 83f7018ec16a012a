import { Webhook, WebhookVerificationError } from "standardwebhooks";
import type { webhooks } from "./schema.js";

/** Each event type's body, as the document's `webhooks` section types it (its object typed per event). */
type Bodies = { [K in keyof webhooks]: NonNullable<webhooks[K]["post"]["requestBody"]>["content"]["application/json"] };
/** Every type a delivery can carry, `webhook.test` (the endpoint's "send test event") included. */
export type WebhookEventType = keyof webhooks;

/** A verified event, narrowed by `type`: `if (event.type === "request.paid") event.data.object.payments`. */
export type WebhookEvent = Bodies[WebhookEventType];

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

/** A Payrelay signing secret: whsec_ and base64 (as the endpoint's create or rotate answer showed it). */
const SECRET = /^whsec_(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/**
 * Verifies a delivery per Standard Webhooks (signature over the raw body, timestamp within
 * five minutes) and returns its typed event; throws WebhookVerificationError on a forged,
 * altered or stale one, and on a secret that is not a whsec_ secret (saying so).
 * Pass the body exactly as received: re-serialised JSON no longer matches its signature.
 */
export function verifyWebhook(secret: string, rawBody: string, headers: HeaderSource): WebhookEvent {
  if (!SECRET.test(secret.trim()) || secret.trim().length < 20)
    throw new WebhookVerificationError(
      "The webhook secret is malformed: expected whsec_ followed by base64, exactly as the endpoint's create (or rotate) answer showed it. " +
        "It is the endpoint's signing secret, not the client secret (prsk_…).",
    );
  return new Webhook(secret.trim()).verify(rawBody, signatureHeaders(headers)) as WebhookEvent;
}

export { WebhookVerificationError };
