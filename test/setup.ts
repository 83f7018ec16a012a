import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

// Storage lives as long as the worker's runtime (vitest.config.ts, `isolate: false`): the first file migrates D1 and
// every later one finds the migrations applied.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
