import { randomBytes } from "node:crypto";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  // The same drizzle-kit migrations that `wrangler d1 migrations apply` runs, applied in test/setup.ts.
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
      // One runtime per worker for all its files, not one per file: starting a workerd with the chain, the queue and
      // the limiters cost 4 s a file, 340 s of a 282 s run; shared, the run takes about 90 s. So storage is shared the
      // way production shares it: every test makes its own recipients, destinations and clients, and asserts on those,
      // never on a whole table (test/jobs/purge.test.ts counts what it made, or what any file could have made).
      isolate: false,
      // Both cores of the 2-core box CI runs on.
      maxWorkers: 2,
    },
  };
});
