import { describe, it } from "vitest";
import { call, claimedDestination, newClient, signUp } from "../helpers/api";
import { agent } from "./helpers";

type Json = Record<string, unknown>;

/** Each tool and the /v1 operation whose arguments and answer it mirrors. */
const ROUTES: Record<string, [method: string, path: string, status: string]> = {
  create_request: ["post", "/v1/destinations/{destinationId}/requests", "201"],
  create_payment_link: ["post", "/v1/requests/{requestId}/payment-links", "201"],
  get_request: ["get", "/v1/requests/{requestId}", "200"],
  list_requests: ["get", "/v1/requests", "200"],
  cancel_request: ["post", "/v1/requests/{requestId}/cancel", "200"],
  list_events: ["get", "/v1/events", "200"],
  get_client: ["get", "/v1/client", "200"],
};

/** Only what constrains a value: documentation keywords differ by design (OpenAPI carries examples, MCP the tool description). */
const ANNOTATIONS = new Set(["example", "examples", "description", "$schema", "title", "default"]);

/**
 * One spelling for what the two generators write differently but mean alike: zod's converter adds the regex
 * behind a `format` and a record's `propertyNames`, which zod-to-openapi leaves out, and writes "or null" as
 * anyOf where OpenAPI 3.1 lists "null" among the types, one allowed value as const, an integer's safe bounds, and an extended object as allOf. Nothing else is forgiven.
 */
function normalise(schema: unknown, doc: Json): unknown {
  if (Array.isArray(schema)) return schema.map((s) => normalise(s, doc));
  if (typeof schema !== "object" || schema === null) return schema;
  const s = schema as Json;
  if (typeof s.$ref === "string") return normalise((doc.components as { schemas: Json }).schemas[s.$ref.split("/").pop()!], doc);
  const anyOf = s.anyOf as Json[] | undefined;
  if (anyOf?.length === 2 && anyOf[1]!.type === "null" && typeof anyOf[0] === "object") {
    const inner = normalise(anyOf[0], doc) as Json;
    return normalise({ ...s, anyOf: undefined, ...inner, type: [inner.type, "null"].flat() }, doc);
  }
  if (Array.isArray(s.allOf)) {
    // zod-to-openapi writes an extended component as allOf [base, additions]; zod writes the merged object.
    const parts = s.allOf.map((p) => normalise(p, doc) as { properties?: Json; required?: string[] });
    const merged = {
      type: "object",
      properties: Object.assign({}, ...parts.map((p) => p.properties)),
      required: parts.flatMap((p) => p.required ?? []),
    };
    return normalise({ ...s, allOf: undefined, ...merged }, doc);
  }
  if (Array.isArray(s.enum) && s.enum.length === 1) return normalise({ ...s, enum: undefined, const: s.enum[0] }, doc);
  // A nullable single value: OpenAPI lists null in the enum as well as in the types; the types already say it.
  if (Array.isArray(s.enum) && s.enum.length === 2 && s.enum.includes(null) && Array.isArray(s.type) && s.type.includes("null"))
    return normalise({ ...s, enum: undefined, const: s.enum.find((v) => v !== null) }, doc);
  // A nullable enum of several values (a request's payment context): the same, keeping the other values as they are.
  if (Array.isArray(s.enum) && s.enum.length > 2 && s.enum.includes(null) && Array.isArray(s.type) && s.type.includes("null"))
    return normalise({ ...s, enum: s.enum.filter((v) => v !== null) }, doc);
  return Object.fromEntries(
    Object.entries(s)
      .filter(([k, v]) => v !== undefined && !(/^(minimum|maximum)$/.test(k) && Math.abs(v as number) === Number.MAX_SAFE_INTEGER))
      .filter(([k]) => !ANNOTATIONS.has(k) && k !== "propertyNames" && !(k === "pattern" && "format" in s))
      .map(([k, v]) => [k, normalise(v, doc)]),
  );
}

/**
 * The document's one Party component is nullable because a request's payer and payee are null when absent;
 * a create takes them as optional objects, never null. Known, and an imprecision of the REST document only.
 */
function createParty(schema: unknown): unknown {
  const s = schema as Json;
  return Array.isArray(s.type) ? { ...s, type: "object" } : s;
}

/** The route's inputs as one object, named as the tool names them: path and query parameters, the Idempotency-Key, the body. */
function routeInput(op: Json, doc: Json) {
  const properties: Json = {};
  const required: string[] = [];
  for (const p of (op.parameters ?? []) as { name: string; in: string; required?: boolean; schema: unknown }[]) {
    const name = p.name === "idempotency-key" ? "idempotencyKey" : p.name;
    properties[name] = normalise(p.schema, doc);
    if (p.required) required.push(name);
  }
  const body = normalise((op.requestBody as { content?: Json } | undefined)?.content?.["application/json"], doc) as
    { schema: { properties: Json; required?: string[] } } | undefined;
  for (const [name, value] of Object.entries(body?.schema.properties ?? {})) {
    properties[name] = name === "payer" || name === "payee" ? createParty(value) : value;
  }
  required.push(...(body?.schema.required ?? []));
  return { properties, required: required.sort() };
}

describe("MCP tool schemas are the /v1 routes' schemas", () => {
  it("each tool's arguments and answer match its route in /openapi.json, field by field", async ({ expect }) => {
    const r = await signUp();
    const { id: dst } = await claimedDestination(r);
    const { tools } = await (await agent((await newClient(r, dst)).secret)).listTools();
    const doc = (await call("/openapi.json")).json as Json;
    expect(tools.map((t) => t.name).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const tool of tools) {
      const [method, path, status] = ROUTES[tool.name]!;
      const op = (doc.paths as Record<string, Record<string, Json>>)[path]![method]!;
      const expected = routeInput(op, doc);
      const input = normalise(tool.inputSchema, doc) as { properties?: Json; required?: string[] };
      expect({ tool: tool.name, properties: input.properties ?? {} }).toEqual({ tool: tool.name, properties: expected.properties });
      expect({ tool: tool.name, required: [...(input.required ?? [])].sort() }).toEqual({ tool: tool.name, required: expected.required });

      const answer = (op.responses as Record<string, { content: Record<string, { schema: unknown }> }>)[status]!;
      const [success, problem] = (tool.outputSchema as unknown as { anyOf: unknown[] }).anyOf;
      expect({ tool: tool.name, output: normalise(success, doc) }).toEqual({
        tool: tool.name,
        output: normalise(answer.content["application/json"]!.schema, doc),
      });
      expect(normalise(problem, doc)).toEqual(normalise({ $ref: "#/components/schemas/Problem" }, doc));
    }
  });
});
