import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** The run's Demo USD token on the local chain (vitest.config.ts). */
      TEST_DEMO_TOKEN: string;
    }
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the node:http webhook receiver started by test/global-setup/webhook-receiver.ts. */
    webhookReceiver: string;
  }
}
