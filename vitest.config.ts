import { randomBytes } from "node:crypto";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  // The same drizzle-kit migrations that `wrangler d1 migrations apply` runs, applied per test file in test/setup.ts.
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    plugins: [
      // A function, so the bindings can carry what globalSetup provides: the real local chain's URL.
      cloudflareTest(({ inject }) => ({
        wrangler: { configPath: "./wrangler.jsonc" },
        miniflare: {
          // A throwaway key sealing webhook secrets, and http://127.0.0.1 receivers allowed (tests only).
          bindings: {
            TEST_MIGRATIONS: migrations,
            PUBLIC_ORIGIN: "https://payrelay.test",
            CHAIN_RPC_URLS: inject("chainRpcUrls"),
            TEST_DEMO_TOKEN: inject("demoToken"),
            PAYMENT_PROXIES: inject("paymentProxies"),
            // The watchers poll only when a test asks (test/chains/watch/), never behind another test's back.
            CHAIN_WATCH_AUTOSTART: "false",
            WEBHOOK_SECRET_KEY: randomBytes(32).toString("base64"),
            WEBHOOK_ALLOW_LOCAL: "true",
          },
          // wrangler.jsonc's limiters, with client reads low enough for a test to reach (test/limits/read-rate.test.ts).
          ratelimits: {
            LOGIN_IP_LIMITER: { simple: { limit: 30, period: 60 } },
            SIGNUP_IP_LIMITER: { simple: { limit: 10, period: 60 } },
            CLIENT_READ_LIMITER: { simple: { limit: 100, period: 60 } },
            PAYMENT_TARGET_LIMITER: { simple: { limit: 10, period: 60 } },
            PAYMENT_CALLER_LIMITER: { simple: { limit: 60, period: 60 } },
          },
        },
      })),
    ],
    test: {
      include: ["test/**/*.test.ts"],
      // A real local chain (Hardhat) and a real webhook receiver on 127.0.0.1, both stopped at the end.
      globalSetup: ["./scripts/chain/vitest-global-setup.mjs", "./test/global-setup/webhook-receiver.ts"],
      setupFiles: ["./test/setup.ts"],
      testTimeout: 30_000,
      // Both cores of the 2-core box CI runs on: the two authorization matrices (3–5 min each) run side by side
      // (a full run measured 1088 s with vitest's default of one worker here, 575 s with two, every test green).
      maxWorkers: 2,
    },
  };
});
