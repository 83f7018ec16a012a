/** Webhook shapes, imported from the server (types only) so the two cannot drift. */
import type { DeliveryView, EndpointView } from "../../src/webhooks/views";

export type WebhookEndpoint = EndpointView;
export type CreatedWebhookEndpoint = EndpointView & { secret: string };
export type WebhookDelivery = DeliveryView;
export type DeliveryPage = { data: DeliveryView[]; nextCursor: string | null };
