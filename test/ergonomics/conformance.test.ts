import { describe, it } from "vitest";
import { call } from "../helpers/api";
import { nonConformance } from "../helpers/conformance";

describe("the response-conformance check holds answers to /openapi.json", () => {
  it("passes a documented answer and names an undeclared status, a wrong body and an undeclared problem code", async ({ expect }) => {
    await call("/openapi.json"); // loads the document
    const url = "https://payrelay.test/v1/requests/req_0k3f9x2m7d4q8w1z";
    const problem = (status: number, code: string) => ({ type: `/docs#problem-${code}`, title: "t", status, detail: "d", code });
    expect(nonConformance("GET", url, 404, "application/problem+json", problem(404, "not_found"))).toBeNull();
    expect(nonConformance("GET", url, 418, "application/json", {})).toMatch(/GET \/v1\/requests\/\{requestId\} → 418: status not declared/);
    expect(nonConformance("GET", url, 200, "application/json", { id: 1 })).toMatch(/body does not match the document/);
    // Cancel answers invalid_state for a status that forbids it; csrf_failed is a dashboard code, never a /v1 one.
    const cancel = "https://payrelay.test/v1/requests/req_0k3f9x2m7d4q8w1z/cancel";
    expect(nonConformance("POST", cancel, 409, "application/problem+json", problem(409, "invalid_state"))).toBeNull();
    expect(nonConformance("POST", cancel, 409, "application/problem+json", problem(409, "idempotency_conflict"))).toMatch(/code/);
    expect(nonConformance("POST", cancel, 403, "application/problem+json", problem(403, "csrf_failed"))).toMatch(/status not declared/);
  });
});
