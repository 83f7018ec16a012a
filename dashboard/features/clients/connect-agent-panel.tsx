import { CopyButton } from "../../components/copy-button";
import { MonoValue } from "../../components/mono-value";
import type { Client } from "../../lib/types";

/** The environment variable every snippet names: the secret goes there, never into a file we show or a page. */
const SECRET_VAR = "PAYRELAY_SECRET";

/** What an MCP host needs: the endpoint, and where to put the secret (by reference: it was shown once, at creation). */
function snippets(url: string) {
  const server = (secret: string) => ({ type: "http", url, headers: { Authorization: `Bearer ${secret}` } });
  const file = (secret: string) => JSON.stringify({ mcpServers: { payrelay: server(secret) } }, null, 2);
  return [
    {
      id: "claude-code",
      title: "Claude Code",
      text: `claude mcp add --transport http payrelay ${url} --header "Authorization: Bearer $${SECRET_VAR}"`,
    },
    { id: "mcp-json", title: "Claude Code project file (.mcp.json)", text: file(`\${${SECRET_VAR}}`) },
    { id: "cursor", title: "Cursor (~/.cursor/mcp.json)", text: file(`\${env:${SECRET_VAR}}`) },
  ];
}

/**
 * "Connect an agent": the MCP endpoint's URL and config for an MCP host. The
 * secret is only referred to (an environment variable, its last characters):
 * it was shown once when the client ID was made, and is not shown again.
 */
export function ConnectAgentPanel({ client, destinationId }: { client: Client; destinationId: string }) {
  const url = `${window.location.origin}/mcp`;
  return (
    <section class="card card-pad" aria-labelledby="connect-agent-title" id="connect-agent">
      <h2 id="connect-agent-title">Connect an agent</h2>
      <p>
        An AI agent can act as this client ID through Payrelay's MCP server: it creates and reads requests and payment links with the same
        permissions, budget and limits, and every event and audit entry it causes says <code>via: mcp</code>.
        {client.status !== "active" && " This client ID is revoked or expired, so an agent using it can only read what it created."}
      </p>
      <dl class="details details-rows">
        <div>
          <dt>MCP server URL</dt>
          <dd>
            <MonoValue value={url} label="MCP server URL" />
          </dd>
        </div>
        <div>
          <dt>Destination ID (the agent passes it to create_request)</dt>
          <dd>
            <MonoValue value={destinationId} label="destination ID" />
          </dd>
        </div>
        <div>
          <dt>Secret</dt>
          <dd>
            The client secret ending <code class="mono">{client.secretHint.slice(-4)}</code>, shown once when this client ID was created.
            Put it in the agent's environment as <code class="mono">{SECRET_VAR}</code>. Lost it? Rotate the secret above.
          </dd>
        </div>
      </dl>
      {snippets(url).map((s) => (
        <div key={s.id}>
          <h3 class="subheading" id={`snippet-${s.id}`}>
            {s.title}
          </h3>
          <pre class="mono code-block" role="region" aria-labelledby={`snippet-${s.id}`} tabIndex={0} data-testid={`snippet-${s.id}`}>
            {s.text}
          </pre>
          <CopyButton value={s.text} label={`${s.title} configuration`} />
        </div>
      ))}
    </section>
  );
}
