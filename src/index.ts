import { createApp } from "./app";
import { purgeExpired } from "./scheduled/purge";

export { DestinationAuthority } from "./durable-objects/destination-authority";

const app = createApp();

/** The Worker's entry points: HTTP (the app) and the cron trigger (purges). */
export default {
  fetch: app.fetch,
  scheduled: async (controller, env, ctx) => {
    ctx.waitUntil(purgeExpired(env, controller.scheduledTime).then((n) => console.log("purged", JSON.stringify(n))));
  },
} satisfies ExportedHandler<Env>;
