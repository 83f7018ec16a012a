// The bench's phases after the hot paths, in the order they run. Each module exports
// `name` (also a BENCH_ONLY value), `run(ctx)` → data, and `report(data)` →
// { targets: [{ target, value, ok: true | false | null }], markdown }. See bench/run.mjs for ctx.
import * as scale from "./scale.mjs";

export const PHASES = [scale];
