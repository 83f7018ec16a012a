import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the node:http webhook receiver started by test/global-setup/webhook-receiver.ts. */
    webhookReceiver: string;
  }
}
