import { describe, it } from "vitest";
import { checkWebhookUrl } from "../../src/webhooks/url-policy";
import { claimedDestination, signUp } from "../helpers/api";

describe("webhook URL policy", () => {
  it("accepts https to public hosts", ({ expect }) => {
    expect(checkWebhookUrl("https://hooks.example.com/payrelay", false)).toEqual({ ok: true, url: "https://hooks.example.com/payrelay" });
    expect(checkWebhookUrl("https://8.8.8.8/x", false).ok).toBe(true);
  });

  it.for([
    "http://hooks.example.com/",
    "ftp://example.com/",
    "not a url",
    "https://user:pw@example.com/",
    "https://127.0.0.1/",
    "https://10.1.2.3/",
    "https://172.16.0.1/",
    "https://192.168.1.1/",
    "https://100.64.0.1/",
    "https://169.254.169.254/latest/meta-data",
    "https://0.0.0.0/",
    "https://[::1]/",
    "https://[fd00::1]/",
    "https://[fe80::1]/",
    "https://[::ffff:10.0.0.1]/",
    "https://localhost/",
    "https://api.localhost/",
    "http://localhost:8080/",
  ])("refuses %s without the local flag", (url, { expect }) => {
    expect(checkWebhookUrl(url, false).ok).toBe(false);
  });

  it("allows http://localhost and http://127.0.0.1 only with WEBHOOK_ALLOW_LOCAL", ({ expect }) => {
    expect(checkWebhookUrl("http://127.0.0.1:9000/h", true).ok).toBe(true);
    expect(checkWebhookUrl("http://localhost:9000/h", true).ok).toBe(true);
    expect(checkWebhookUrl("http://10.0.0.1/h", true).ok).toBe(false);
    expect(checkWebhookUrl("https://169.254.169.254/", true).ok).toBe(false);
  });

  it("answers 400 validation_failed naming `url` through the API", async ({ expect }) => {
    const r = await signUp();
    const { id } = await claimedDestination(r);
    const res = await r.api(`/api/destinations/${id}/webhook-endpoints`, { body: { url: "https://169.254.169.254/latest" } });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("validation_failed");
    expect(res.json.errors).toEqual([{ path: "url", message: expect.stringMatching(/private|metadata/) }]);
    const http = await r.api(`/api/destinations/${id}/webhook-endpoints`, { body: { url: "http://example.com/h" } });
    expect(http.json.errors[0].path).toBe("url");
  });
});
