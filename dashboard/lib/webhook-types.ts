/** Webhook shapes as the OpenAPI document describes them (the SDK's generated types, erased from the bundle). */
import type { components } from "../../sdk/src/schema";

export type WebhookEndpoint = components["schemas"]["WebhookEndpoint"];
export type CreatedWebhookEndpoint = components["schemas"]["WebhookEndpointWithSecret"];
export type WebhookDelivery = components["schemas"]["WebhookDelivery"];
export type DeliveryPage = { data: WebhookDelivery[]; nextCursor: string | null };
