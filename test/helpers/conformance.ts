import { Validator, type Schema } from "@cfworker/json-schema";

/**
 * The response-conformance check: every answer a test sees through `call()` is held against
 * /openapi.json. Its status must be declared on the operation, its JSON body must match the
 * declared schema, and a problem's `code` must be one the operation declares for that status
 * (problems() lists them as an enum). So the document cannot drift from the code unnoticed.
 *
 * Validated with @cfworker/json-schema (draft 2020-12, which OpenAPI 3.1 uses): it interprets
 * schemas instead of compiling them to code, and workerd, where these tests run, forbids
 * generating code at run time (ajv's new Function).
 */
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
};
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };
type Route = { method: string; template: string; pattern: RegExp; literals: number; op: Operation };

let routes: Route[] | undefined;
let components: Record<string, unknown> = {};
const validators = new Map<string, Validator>();

/** Called with the document once per runtime (module state lives as long as the worker's runtime). */
export function loadDocument(doc: Doc): void {
  // Examples are documentation, not schema: the validator would read their `id` fields as schema URIs.
  components = withoutExamples(doc.components) as Record<string, unknown>;
  routes = Object.entries(doc.paths)
    .flatMap(([template, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "[^/]+")}$`),
        literals: template.split("/").filter((s) => s && !s.startsWith("{")).length,
        op,
      })),
    )
    // A literal segment wins over a parameter: /v1/requests/{id}/events before /v1/requests/{id}.
    .sort((a, b) => b.literals - a.literals);
}

export const documentLoaded = () => routes !== undefined;

function withoutExamples(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExamples);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== "example" && k !== "examples")
      .map(([k, v]) => [k, withoutExamples(v)]),
  );
}

function validatorFor(key: string, schema: Schema): Validator {
  let v = validators.get(key);
  if (!v) {
    v = new Validator({ ...(withoutExamples(schema) as Schema), components } as Schema, "2020-12", false);
    validators.set(key, v);
  }
  return v;
}

/** What is wrong with one answer, or null when it conforms (or its path is not an operation of the document). */
export function nonConformance(method: string, url: string, status: number, contentType: string, body: unknown): string | null {
  if (!routes) return null;
  const path = new URL(url).pathname;
  const route = routes.find((r) => r.method === method && r.pattern.test(path));
  // Not a documented operation (the document itself, /docs, assets, an unknown route's 401/404): nothing to hold it to.
  if (!route) return null;
  const where = `${method} ${route.template} → ${status}`;
  const response = route.op.responses?.[String(status)] ?? route.op.responses?.default;
  if (!response) return `${where}: status not declared (declared: ${Object.keys(route.op.responses ?? {}).join(", ")})`;
  if (!response.content) return null;
  const media = contentType.split(";")[0]!.trim();
  const declared = response.content[media];
  if (!declared) return `${where}: content type ${media || "(none)"} not declared (declared: ${Object.keys(response.content).join(", ")})`;
  if (!declared.schema) return null;
  const result = validatorFor(`${method} ${route.template} ${status} ${media}`, declared.schema).validate(body);
  if (result.valid) return null;
  const errors = result.errors
    .filter((e) => e.keyword !== "properties" && e.keyword !== "allOf" && e.keyword !== "$ref")
    .slice(0, 5)
    .map((e) => `${e.instanceLocation}: ${e.error}`);
  return `${where}: body does not match the document: ${errors.join("; ")}\n${JSON.stringify(body).slice(0, 500)}`;
}
