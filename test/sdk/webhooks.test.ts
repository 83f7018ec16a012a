import { describe, it } from "vitest";
import { verifyWebhook, WebhookVerificationError, type WebhookEvent } from "../../sdk/src/index";
import { newWebhookSecret, signedHeaders } from "../../src/webhooks/signature";

const event = {
  id: "evt_1",
  type: "request.paid",
  createdAt: "2026-11-23T10:00:00.000Z",
  sequence: 3,
  data: { object: { id: "req_1", amount: "12.500000", amountPaid: "12.500000", status: "paid" } },
};

describe("SDK webhook verification", () => {
  it("verifies a delivery signed as Payrelay signs it and returns the typed event", async ({ expect }) => {
    const secret = newWebhookSecret();
    const body = JSON.stringify(event);
    const headers = await signedHeaders([secret], event.id, Math.floor(Date.now() / 1000), body);
    const verified: WebhookEvent = verifyWebhook(secret, body, new Headers(headers));
    expect(verified).toEqual(event);
    // Narrowing by type reaches the request's own fields.
    if (verified.type === "request.paid") expect(verified.data.object.amountPaid).toBe("12.500000");
    // Node's IncomingHttpHeaders shape works too.
    expect(verifyWebhook(secret, body, { ...headers, host: "shop.example.com" }).id).toBe("evt_1");
  });

  it("refuses an altered body, another secret and a stale timestamp", async ({ expect }) => {
    const secret = newWebhookSecret();
    const body = JSON.stringify(event);
    const now = Math.floor(Date.now() / 1000);
    const headers = await signedHeaders([secret], event.id, now, body);
    expect(() => verifyWebhook(secret, body.replace("12.5", "99.5"), headers)).toThrow(WebhookVerificationError);
    expect(() => verifyWebhook(newWebhookSecret(), body, headers)).toThrow(WebhookVerificationError);
    const stale = await signedHeaders([secret], event.id, now - 3600, body);
    expect(() => verifyWebhook(secret, body, stale)).toThrow(WebhookVerificationError);
    expect(() => verifyWebhook(secret, body, {})).toThrow(WebhookVerificationError);
  });
});
