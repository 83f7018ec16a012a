import { Webhook } from "standardwebhooks";
import { describe, it } from "vitest";
import { newWebhookSecret, signMessage, signedHeaders } from "../../src/webhooks/signature";

describe("Standard Webhooks signing", () => {
  it("matches the specification's test vector", async ({ expect }) => {
    const sig = await signMessage(
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      "msg_p5jXN8AQM9LWM0D4loKWxJek",
      1614265330,
      '{"test": 2432232314}',
    );
    expect(sig).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("mints whsec_ secrets of 32 random bytes that the reference library accepts", async ({ expect }) => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(atob(secret.slice(6)).length).toBe(32);
    expect(newWebhookSecret()).not.toBe(secret);
    const now = Math.floor(Date.now() / 1000);
    const body = '{"id":"evt_1"}';
    const headers = await signedHeaders([secret], "evt_1", now, body);
    expect(new Webhook(secret).verify(body, headers)).toEqual({ id: "evt_1" });
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it("signs with every valid secret, space-separated, so either verifies", async ({ expect }) => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    const now = Math.floor(Date.now() / 1000);
    const headers = await signedHeaders([a, b], "evt_2", now, "{}");
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(a).verify("{}", headers)).toEqual({});
    expect(new Webhook(b).verify("{}", headers)).toEqual({});
  });
});
