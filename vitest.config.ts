import { randomBytes } from "node:crypto";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  // The same drizzle-kit migrations that `wrangler d1 migrations apply` runs, applied per test file in test/setup.ts.
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.jsonc" },
        miniflare: {
          // A throwaway key sealing webhook secrets, and http://127.0.0.1 receivers allowed (tests only).
          bindings: { TEST_MIGRATIONS: migrations, WEBHOOK_SECRET_KEY: randomBytes(32).toString("base64"), WEBHOOK_ALLOW_LOCAL: "true" },
        },
      }),
    ],
    test: {
      include: ["test/**/*.test.ts"],
      setupFiles: ["./test/setup.ts"],
      globalSetup: ["./test/global-setup/webhook-receiver.ts"],
      testTimeout: 30_000,
    },
  };
});
