import { createApp } from "./http/app";
import { purgeExpired } from "./jobs/purge";
import { startWatchers } from "./payments/chains/watch/start";
import { handleWebhookBatch } from "./webhooks/webhook-deliveries";
import type { DeliveryMessage } from "./webhooks/events";

export { DestinationAuthority } from "./authority/destination-authority";
export { ChainWatcher } from "./payments/chains/watch/chain-watcher";

const app = createApp();

/** The Worker's entry points: HTTP (the app), the cron triggers (purges, chain watchers) and the queue (webhook deliveries). */
export default {
  fetch: app.fetch,
  scheduled: async (controller, env, ctx) => {
    // Every minute: keep a chain watcher polling per (chain, token); hourly, the purges.
    if (controller.cron === "* * * * *") ctx.waitUntil(startWatchers(env));
    else ctx.waitUntil(purgeExpired(env, controller.scheduledTime).then((n) => console.log("purged", JSON.stringify(n))));
  },
  queue: handleWebhookBatch,
} satisfies ExportedHandler<Env, DeliveryMessage>;
