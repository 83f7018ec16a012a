import { getOpenApiMetadata } from "@asteasolutions/zod-to-openapi";
import { z } from "@hono/zod-openapi";
import { ClientSchema } from "../../../clients/client.schemas";
import { DestinationParams } from "../../../destinations/destination.schemas";
import { ProblemSchema } from "../../../lib/problem.schemas";
import {
  IdempotencyHeaderSchema,
  ListQuerySchema,
  PaymentLinkCreateSchema,
  PaymentLinkSchema,
  RequestCreateSchema,
  RequestDetailSchema,
  RequestListSchema,
  RequestParams,
  RequestSchema,
  TransitionBodySchema,
} from "../../../requests/request.schemas";
import { EventsQuery, WebhookEventSchema, eventPage } from "../../../webhooks/webhook.schemas";
import { DESCRIPTIONS } from "./descriptions";

/**
 * The tools, built from the very zod schemas the /v1 routes validate with and
 * answer in: a tool's arguments are the route's path parameters, body (and
 * Idempotency-Key) in one object, and its result is the route's 201/200 body.
 * test/mcp/schemas.test.ts holds each against its route in /openapi.json.
 */
const idempotencyKey = IdempotencyHeaderSchema.shape["idempotency-key"];

export const TOOL_SCHEMAS = {
  create_request: {
    title: "Create a payment request",
    input: RequestCreateSchema.safeExtend({ destinationId: DestinationParams.shape.destinationId, idempotencyKey }),
    output: RequestSchema,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  },
  create_payment_link: {
    title: "Create a payment link",
    input: PaymentLinkCreateSchema.extend({ ...RequestParams.shape, idempotencyKey }).partial({ expiresInSeconds: true }),
    output: PaymentLinkSchema,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  },
  get_request: {
    title: "Read a request",
    input: RequestParams.strict(),
    output: RequestDetailSchema,
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  list_requests: {
    title: "List requests",
    input: ListQuerySchema.strict(),
    output: RequestListSchema,
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  cancel_request: {
    title: "Cancel a request",
    input: TransitionBodySchema.extend(RequestParams.shape),
    output: RequestSchema,
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  },
  list_events: {
    title: "List events",
    input: EventsQuery.strict(),
    output: eventPage(WebhookEventSchema),
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  get_client: {
    title: "Describe this client ID",
    input: z.object({}).strict(),
    output: ClientSchema,
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
} as const;

export type ToolName = keyof typeof TOOL_SCHEMAS;
export const TOOL_NAMES = Object.keys(TOOL_SCHEMAS) as ToolName[];
export type ToolArgs<N extends ToolName> = z.output<(typeof TOOL_SCHEMAS)[N]["input"]>;

/**
 * draft-07, as the SDK's own converter writes it (what MCP hosts' validators read), from the schema's input side,
 * as /openapi.json describes both requests and answers (objects open, pipes as accepted). Field descriptions
 * written for /docs with `.openapi()` are carried over: a model reads them too.
 */
const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, {
    target: "draft-7",
    io: "input",
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema: out }) => {
      const { description } = getOpenApiMetadata(zodSchema as unknown as z.ZodType);
      if (description !== undefined && out.description === undefined) out.description = description;
    },
  }) as { type: "object"; [key: string]: unknown };

/**
 * A tool's output schema: the route's success body, or the problem a refusal carries as structuredContent.
 * Both, because hosts on the TypeScript SDK (≤ 1.32) validate an isError result's structuredContent too.
 */
function outputSchema(success: z.ZodType) {
  const { $schema, ...answer } = jsonSchema(success);
  const problem = { ...jsonSchema(ProblemSchema), $schema: undefined };
  return { $schema, type: "object" as const, anyOf: [answer, problem] };
}

let listed: { name: string; title: string; description: string; inputSchema: object; outputSchema: object }[] | undefined;

/** tools/list's answer, converted once per isolate: the schemas never change while it runs. */
export function toolList() {
  listed ??= TOOL_NAMES.map((name) => {
    const t = TOOL_SCHEMAS[name];
    return {
      name,
      title: t.title,
      description: DESCRIPTIONS[name],
      inputSchema: jsonSchema(t.input),
      outputSchema: outputSchema(t.output),
      annotations: { title: t.title, ...t.annotations },
    };
  });
  return listed;
}
