import { createApp } from "./app";
import { handleWebhookBatch } from "./queues/webhook-deliveries";
import type { DeliveryMessage } from "./webhooks/events";

export { DestinationAuthority } from "./durable-objects/destination-authority";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: handleWebhookBatch,
} satisfies ExportedHandler<Env, DeliveryMessage>;
