import { createApp } from "./app";
import { purgeExpired } from "./scheduled/purge";
import { handleWebhookBatch } from "./queues/webhook-deliveries";
import type { DeliveryMessage } from "./webhooks/events";

export { DestinationAuthority } from "./durable-objects/destination-authority";

const app = createApp();

/** The Worker's entry points: HTTP (the app), the cron trigger (purges) and the queue (webhook deliveries). */
export default {
  fetch: app.fetch,
  scheduled: async (controller, env, ctx) => {
    ctx.waitUntil(purgeExpired(env, controller.scheduledTime).then((n) => console.log("purged", JSON.stringify(n))));
  },
  queue: handleWebhookBatch,
} satisfies ExportedHandler<Env, DeliveryMessage>;
