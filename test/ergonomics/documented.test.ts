import { describe, it } from "vitest";
import { call } from "../helpers/api";

type CodeSchema = { properties?: { code?: { enum?: string[] } } };
type Media = {
  schema?: { $ref?: string; example?: unknown; allOf?: CodeSchema[] } & CodeSchema;
  example?: unknown;
  examples?: Record<string, { value: { code: string } }>;
};
/** The codes a problem response declares: Problem narrowed by an allOf whose code is an enum. */
const codesOf = (m?: Media) => m?.schema?.allOf?.find((s) => s.properties?.code?.enum)?.properties?.code?.enum ?? [];
type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, Media> }> }>>;
  components: { schemas: Record<string, { example?: unknown }> };
};

describe("the document says what happens", () => {
  it("every /v1 success answer has an example; every problem status lists its codes, each with an example of that code", async ({
    expect,
  }) => {
    const doc = (await call("/openapi.json")).json as Doc;
    const missing: string[] = [];
    const codeless: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        for (const [status, r] of Object.entries(op.responses)) {
          const json = r.content?.["application/json"];
          if (path.startsWith("/v1/") && status.startsWith("2") && json) {
            const ref = json.schema?.$ref?.split("/").pop();
            const example = json.example ?? (ref ? doc.components.schemas[ref]?.example : json.schema?.example);
            if (example === undefined && !json.schema?.properties) missing.push(`${method} ${path} ${status}`);
          }
          const problem = r.content?.["application/problem+json"];
          if (problem) {
            const codes = codesOf(problem);
            const examples = Object.values(problem.examples ?? {}).map((e) => e.value.code);
            if (codes.length === 0 || examples.sort().join() !== [...codes].sort().join()) codeless.push(`${method} ${path} ${status}`);
          }
        }
    expect(missing).toEqual([]);
    expect(codeless).toEqual([]);
    // The examples: cancel declares invalid_state (not idempotency_conflict), /v1 has no csrf_failed, 422 names its codes.
    const cancel = doc.paths["/v1/requests/{requestId}/cancel"]!.post!.responses;
    expect(codesOf(cancel["409"]!.content!["application/problem+json"])).toEqual(["invalid_state"]);
    const v1With403 = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith("/v1/"))
      .flatMap(([, ops]) =>
        Object.values(ops).flatMap(
          (op) => op.responses["403"]?.content?.["application/problem+json"]?.schema?.properties?.code?.enum ?? [],
        ),
      );
    expect(v1With403).not.toContain("csrf_failed");
    const pay = doc.paths["/v1/requests/{requestId}/payments"]!.post!.responses;
    expect(codesOf(pay["422"]!.content!["application/problem+json"])).toEqual([
      "payment_not_found",
      "payment_mismatch",
      "payment_unattributed",
    ]);
    expect(codesOf(pay["409"]!.content!["application/problem+json"])).toEqual(["invalid_state", "payment_already_used"]);
  });

  it("/docs shows schemas and examples", async ({ expect }) => {
    const page = await call("/docs");
    expect(page.text).toContain('id="schema-RequestCreate"');
    expect(page.text).toContain('<a href="#schema-Request">Request</a>');
    expect(page.text).toContain("Example 201");
    expect(page.text).toContain("ORDER-1042");
    expect(page.text).toContain('<a href="#problem-invalid_state"><code>invalid_state</code></a>');
    expect(page.text).not.toContain("<script");
  });
});
