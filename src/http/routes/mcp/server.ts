import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
} from "@modelcontextprotocol/sdk/types.js";
import type { jsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/types.js";
import { fieldErrors, validationSummary } from "../../../lib/field-messages";
import { ApiError, problemBody, type Problem } from "../../../lib/problem";
import { RUNNERS, type ToolContext } from "./tool-calls";
import { TOOL_SCHEMAS, toolList, type ToolName } from "./tools";

const INSTRUCTIONS =
  "Payrelay: create and track payment requests and payment links for one destination, as the client ID whose secret you hold. " +
  "Money is always a decimal string in major units. A refused call returns isError with the API's problem (code, detail) as structuredContent.";

/** A refusal as the tool's result: the problem /v1 would answer, as structured content and as text for hosts that show only text. */
export function refusal(problem: Problem): CallToolResult {
  return {
    isError: true,
    content: [{ type: "text", text: `${problem.code}: ${problem.detail}` }],
    structuredContent: problem,
  };
}

function problemOf(err: unknown, tool: string): Problem {
  if (err instanceof ApiError) return problemBody(err.code, err.detail, err.errors);
  // Logged once, here, like the app's onError: the caller learns only that it was not its fault.
  console.error("mcp tool failed", tool, err instanceof Error ? err.stack : err);
  return problemBody("internal_error", "Something went wrong on our side. Retrying with the same idempotencyKey is safe.");
}

/**
 * The server asks clients nothing (no elicitation), so it never validates their answers: the SDK's default,
 * a fresh Ajv per server, would compile its formats on every request for nothing.
 */
const noValidation: jsonSchemaValidator = {
  getValidator: () => () => ({ valid: false, data: undefined, errorMessage: "This server asks clients for nothing." }),
};

const isTool = (name: string): name is ToolName => Object.hasOwn(TOOL_SCHEMAS, name);

/**
 * One MCP server for one HTTP request (stateless: see docs/architecture.md,
 * "Agents: the MCP endpoint"). The low-level Server, not McpServer: a tool's
 * arguments are validated here with the route's schema and its field
 * messages, so a bad argument is the same validation_failed problem as over
 * /v1, and tools/list is converted once per isolate, not per call.
 */
export function mcpServer(ctx: ToolContext): Server {
  const server = new Server(
    { name: "payrelay", version: "1.2.0" },
    {
      capabilities: { tools: {} },
      instructions: INSTRUCTIONS,
      jsonSchemaValidator: noValidation,
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: toolList() }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const { name, arguments: args = {} } = request.params;
    if (!isTool(name)) throw new McpError(ErrorCode.InvalidParams, `Unknown tool ${name}; tools/list names the seven this server has.`);
    const parsed = TOOL_SCHEMAS[name].input.safeParse(args);
    if (!parsed.success) {
      return refusal(problemBody("validation_failed", validationSummary(parsed.error, "json", true), fieldErrors(parsed.error, args)));
    }
    try {
      const run = RUNNERS[name] as (c: ToolContext, a: unknown) => Promise<unknown>;
      const result = (await run(ctx, parsed.data)) as Record<string, unknown>;
      return { content: [{ type: "text", text: JSON.stringify(result) }], structuredContent: result };
    } catch (err) {
      return refusal(problemOf(err, name));
    }
  });
  return server;
}
