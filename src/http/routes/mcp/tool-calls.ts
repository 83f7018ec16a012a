import { MAX_METADATA_FILTERS } from "../../../requests/request.schemas";
import { checkMetadataFilters } from "../../../requests/list-query";
import { checkClientReadLimit } from "../../middleware/client-read-limit";
import {
  cancelForClient,
  clientForClient,
  createForClient,
  eventsForClient,
  getForClient,
  linkForClient,
  listForClient,
  type Caller,
} from "../../../requests/orchestrator";
import type { ToolArgs, ToolName } from "./tools";

/** What a tool call runs with: the Worker's env, the verified caller, and the origin links are built on (may throw not_configured). */
export type ToolContext = { env: Env; caller: Caller; origin: () => string };

type Runners = { [N in ToolName]: (ctx: ToolContext, args: ToolArgs<N>) => Promise<unknown> };

/** Reads are limited per credential as the /v1 GETs are; creates are limited exactly by the authority. */
const read = async (ctx: ToolContext) => checkClientReadLimit(ctx.env, ctx.caller.credential);

/**
 * Each tool is one call of the service its /v1 route calls, with the same
 * arguments: nothing here decides who may do what.
 */
export const RUNNERS: Runners = {
  async create_request({ env, caller }, { destinationId, idempotencyKey, ...body }) {
    return (await createForClient(env, caller, destinationId, body, idempotencyKey ?? null)).request;
  },
  async create_payment_link({ env, caller, origin }, { requestId, idempotencyKey, expiresInSeconds }) {
    return (await linkForClient(env, caller, origin(), requestId, expiresInSeconds, idempotencyKey ?? null)).link;
  },
  async get_request(ctx, { requestId }) {
    await read(ctx);
    return getForClient(ctx.env, ctx.caller, requestId);
  },
  async list_requests(ctx, filters) {
    await read(ctx);
    return listForClient(ctx.env, ctx.caller, { ...filters, metadata: checkMetadataFilters(filters.metadata, MAX_METADATA_FILTERS) });
  },
  async cancel_request({ env, caller }, { requestId, reason }) {
    return cancelForClient(env, caller, requestId, reason);
  },
  async list_events(ctx, { cursor, type, limit }) {
    await read(ctx);
    return eventsForClient(ctx.env, ctx.caller, { cursor, type, limit });
  },
  async get_client(ctx) {
    await read(ctx);
    return clientForClient(ctx.env, ctx.caller);
  },
};
