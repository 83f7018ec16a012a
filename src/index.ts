import { createApp } from "./app";

export { DestinationAuthority } from "./durable-objects/destination-authority";

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
