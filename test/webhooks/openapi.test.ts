import { describe, it } from "vitest";
import { call } from "../helpers/api";
import { WEBHOOK_EVENT_TYPES } from "../../src/webhooks/events";

describe("the OpenAPI document", () => {
  it("lists every event payload under `webhooks` and the webhook routes under paths", async ({ expect }) => {
    const doc = (await call("/openapi.json")).json;
    expect(Object.keys(doc.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES, "webhook.test"].sort());
    expect(doc.webhooks["request.paid"].post.requestBody.content["application/json"].schema.$ref).toBe(
      "#/components/schemas/RequestPaidEvent",
    );
    // Typed per event: request.paid's object is the request's detail view, with its payments.
    expect(doc.components.schemas.RequestPaidEvent.properties.data.properties.object.$ref).toBe("#/components/schemas/RequestDetail");
    for (const p of [
      "/v1/webhook-endpoints",
      "/v1/events",
      "/api/destinations/{destinationId}/webhook-endpoints/{endpointId}/rotate-secret",
      "/api/destinations/{destinationId}/events",
    ]) {
      expect(doc.paths[p]).toBeDefined();
    }
  });
});
