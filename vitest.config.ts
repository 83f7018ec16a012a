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
          bindings: { TEST_MIGRATIONS: migrations, PUBLIC_ORIGIN: "https://payrelay.test", CHAIN_RPC_URLS: inject("chainRpcUrls"), TEST_DEMO_TOKEN: inject("demoToken") },
        },
      })),
    ],
    test: {
      include: ["test/**/*.test.ts"],
      globalSetup: ["./scripts/chain/vitest-global-setup.mjs"],
      setupFiles: ["./test/setup.ts"],
      testTimeout: 30_000,
    },
  };
});
