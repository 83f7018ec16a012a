// The bench's phases after the hot paths, in the order they run. Each module exports
// `name` (also a BENCH_ONLY value), `run(ctx)` → data, and `report(data)` →
// { targets: [{ target, value, ok: true | false | null }], markdown }. See bench/run.mjs for ctx.
// A phase exporting `chain = true` gets the local chain as ctx.chain (bench/lib/chain.mjs).
import * as mcp from "./mcp.mjs";
import * as detection from "./detection.mjs";
import * as payments from "./payments.mjs";
import * as pipeline from "./pipeline.mjs";
import * as scale from "./scale.mjs";
import * as signing from "./signing.mjs";
import * as storage from "./storage.mjs";
import * as teams from "./teams.mjs";
import * as transitions from "./transitions.mjs";
import * as webhooks from "./webhooks.mjs";

// Storage before scale: the scale phase leaves hundreds of authorities draining outboxes into the shared D1.
export const PHASES = [storage, payments, pipeline, detection, webhooks, transitions, mcp, signing, teams, scale];
