import { describe, it } from "vitest";
import { CHECKSUM_LENGTH, base62Checksum } from "../../src/clients/credentials/checksum";
import { parseClientSecret } from "../../src/clients/credentials/client-secret";
import { call, claimedDestination, newClient, signUp } from "../helpers/api";

const ACCEPT = "application/json, text/event-stream";
const list = { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} };

async function secret() {
  const r = await signUp();
  const { id: dst } = await claimedDestination(r);
  return (await newClient(r, dst)).secret;
}

describe("/mcp over HTTP: auth first, then the body", () => {
  it("answers 401 problem+json without a secret, or with an unknown one, whatever the body", async ({ expect }) => {
    const missing = await call("/mcp", { body: "{not json", headers: { accept: ACCEPT } });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    expect(missing.json.code).toBe("unauthenticated");

    // A well-formed secret (valid checksum) the authority does not know: still 401, and the malformed body is never read.
    const real = await secret();
    const body = real.slice(0, -CHECKSUM_LENGTH - 4) + "abcd";
    const forged = body + base62Checksum(body);
    expect(await parseClientSecret(forged)).not.toBeNull();
    const unknown = await call("/mcp", { body: "{not json", headers: { accept: ACCEPT, authorization: `Bearer ${forged}` } });
    expect(unknown.status).toBe(401);
    expect(unknown.json.code).toBe("unauthenticated");
  });

  it("is stateless: POST only (405 with Allow), no session id, JSON answers", async ({ expect }) => {
    const auth = `Bearer ${await secret()}`;
    const get = await call("/mcp", { headers: { authorization: auth, accept: "text/event-stream" } });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(get.json.code).toBe("method_not_allowed");

    const res = await call("/mcp", { body: list, headers: { authorization: auth, accept: ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get("mcp-session-id")).toBeNull();
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.json.result.tools).toHaveLength(7);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("guards the body as /v1 does: 413, 415 and malformed JSON are problems, never a 5xx", async ({ expect }) => {
    const headers = { authorization: `Bearer ${await secret()}`, accept: ACCEPT };
    const big = await call("/mcp", { body: { ...list, params: { pad: "x".repeat(20_000) } }, headers });
    expect([big.status, big.json.code]).toEqual([413, "payload_too_large"]);
    const text = await call("/mcp", { body: "hello", headers: { ...headers, "content-type": "text/plain" } });
    expect([text.status, text.json.code]).toEqual([415, "unsupported_media_type"]);
    const broken = await call("/mcp", { body: "{", headers });
    expect([broken.status, broken.json.code]).toEqual([400, "malformed_json"]);
    // Valid JSON that is no JSON-RPC message: the transport's own protocol error.
    const odd = await call("/mcp", { body: { hello: "world" }, headers });
    expect(odd.status).toBe(400);
    expect(odd.json.error.code).toBe(-32700);
  });
});
