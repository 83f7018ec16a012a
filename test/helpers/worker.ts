import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../src/index";

/**
 * Calls the Worker's fetch handler, the default export `wrangler dev` serves, with the test env and a fresh
 * ExecutionContext per request, as the runtime calls it (its waitUntil work goes on after the answer, as deployed).
 *
 * Not through `exports.default.fetch`: with @cloudflare/vitest-pool-workers 0.15.1 every call through that loopback
 * leaves something behind in the test runner, so each call is slower than the one before it. Measured on a 404 with no
 * storage touched: 3.6 ms a call over the first hundred, 79 ms over the fifth hundred; the authorization matrix, a few
 * thousand calls, spent most of its 6 minutes there. Called directly the same 404 costs 0.05 ms, the hundredth as the
 * first. The e2e suite still reaches the Worker over real HTTP through `wrangler dev`.
 */
export const workerFetch = async (request: Request): Promise<Response> => worker.fetch(request, env, createExecutionContext());
