import { describe, it } from "vitest";
import { call } from "../helpers/api";

describe("OpenAPI and docs", () => {
  it("names every operation once: generators key their methods by operationId", async ({ expect }) => {
    const doc = (await call("/openapi.json")).json as { paths: Record<string, Record<string, { operationId?: string }>> };
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(ids.every((id) => typeof id === "string")).toBe(true);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("serves an OpenAPI 3.1 document with every contract path, its problems and the body limit", async ({ expect }) => {
    const res = await call("/openapi.json");
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    const paths = Object.keys(res.json.paths);
    for (const p of [
      "/api/auth/signup",
      "/api/auth/login",
      "/api/auth/logout",
      "/api/me",
      "/api/destinations",
      "/api/destinations/{destinationId}",
      "/api/destinations/{destinationId}/claim",
      "/api/destinations/{destinationId}/clients",
      "/api/destinations/{destinationId}/clients/{clientId}/revoke",
      "/api/destinations/{destinationId}/requests",
      "/v1/destinations/{destinationId}/requests",
      "/v1/requests/{requestId}",
      "/v1/requests",
      "/v1/requests/{requestId}/payment-links",
      "/api/public/payment-links/{token}",
    ])
      expect(paths, p).toContain(p);
    const create = res.json.paths["/v1/destinations/{destinationId}/requests"].post;
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["201", "400", "401", "403", "404", "409", "413", "415"]));
    expect(create.responses["413"].description).toContain("16 KiB");
    expect(res.json.components.schemas.RequestCreate.properties.amount.type).toBe("string");
    expect(res.json.components.securitySchemes.clientSecret.scheme).toBe("bearer");
  });

  it("names every operation (a unique operationId) and declares its security, [] for public ones", async ({ expect }) => {
    const doc = (await call("/openapi.json")).json as {
      info: { license?: { name: string } };
      paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
    };
    const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({ where: `${method} ${path}`, ...op })),
    );
    const ids = ops.map((op) => op.operationId);
    expect(ops.filter((op) => !op.operationId).map((op) => op.where)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ops.filter((op) => !Array.isArray(op.security)).map((op) => op.where)).toEqual([]);
    expect(doc.paths["/api/auth/login"]!.post!.security).toEqual([]);
    expect(doc.paths["/v1/requests"]!.get!.operationId).toBe("listRequests");
    // A destination route names the member role it needs (OpenAPI 3.1 role names): a change needs an admin, a read a viewer.
    expect(doc.paths["/api/destinations/{destinationId}/clients"]!.post!.security).toEqual([{ session: ["admin"], csrfToken: [] }]);
    expect(doc.paths["/api/destinations/{destinationId}/clients"]!.get!.security).toEqual([{ session: ["viewer"] }]);
    expect(doc.paths["/api/destinations"]!.post!.security).toEqual([{ session: [], csrfToken: [] }]);
    expect(doc.info.license?.name).toBeTruthy();
  });

  it("gives every JSON request body an example and one name per path parameter", async ({ expect }) => {
    type Schema = { $ref?: string; example?: unknown };
    const doc = (await call("/openapi.json")).json as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
      components: { schemas: Record<string, Schema> };
    };
    const resolve = (s: Schema) => (s.$ref ? doc.components.schemas[s.$ref.split("/").pop()!]! : s);
    const bodies = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).flatMap(([method, op]) =>
        op.requestBody ? [{ where: `${method} ${path}`, schema: resolve(op.requestBody.content["application/json"]!.schema) }] : [],
      ),
    );
    expect(bodies.length).toBeGreaterThan(10);
    expect(bodies.filter((b) => b.schema.example === undefined).map((b) => b.where)).toEqual([]);
    // A destination is {destinationId} under /api as under /v1 (the URLs themselves did not change).
    expect(Object.keys(doc.paths).filter((p) => p.includes("{id}"))).toEqual([]);
  });

  it("serves a readable /docs page without scripts", async ({ expect }) => {
    const res = await call("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.text).toContain("/v1/destinations/{destinationId}/requests");
    expect(res.text).toContain('id="problem-client_revoked"');
    expect(res.text).not.toContain("<script");
  });
});
