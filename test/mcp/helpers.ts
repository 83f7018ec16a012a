import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { signRequest, type SigningOptions } from "../../sdk/src/signing";
import { workerFetch } from "../helpers/worker";

export const MCP_URL = "https://payrelay.test/mcp";

/**
 * An agent as a real MCP host runs one: the official SDK's Client over its
 * Streamable HTTP transport, sending the client secret as a bearer. Requests
 * go to the Worker's default export, as `wrangler dev` would serve them.
 */
export async function agent(secret: string, signing?: SigningOptions) {
  const transport = new StreamableHTTPClientTransport(new URL(MCP_URL), {
    requestInit: { headers: { authorization: `Bearer ${secret}` } },
    // A signing agent signs every POST (RFC 9421) as the SDK does.
    fetch: async (input, init) => {
      const request = new Request(input, init);
      return workerFetch(signing && request.method === "POST" ? await signRequest(request, signing) : request);
    },
  });
  const client = new Client({ name: "payrelay-test-agent", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

/** A tools/call's result, with its structured content typed loosely for field-by-field assertions. */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
  return { isError: result.isError === true, data: result.structuredContent as any, text: (result.content[0] as { text: string }).text };
}
