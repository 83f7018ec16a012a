// Not in wrangler.jsonc on purpose (never a production var), so `wrangler types` does not know it:
// "true" only in local runs (scripts/dev.mjs, e2e/run.mjs, vitest.config.ts) to allow http://localhost receivers.
declare namespace Cloudflare {
  interface Env {
    WEBHOOK_ALLOW_LOCAL?: string;
  }
}
