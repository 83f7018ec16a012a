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

  // Every spelling of a loopback, private or special-purpose host the URL parser accepts (API v1.2), with or without the flag.
  it.for([
    ["IPv4-compatible loopback", "https://[::127.0.0.1]/"],
    ["IPv4-compatible, hex", "https://[::7f00:1]/"],
    ["IPv4-compatible public (deprecated form)", "https://[::8.8.8.8]/"],
    ["mapped loopback", "https://[::ffff:127.0.0.1]/"],
    ["mapped metadata, hex", "https://[::ffff:a9fe:a9fe]/"],
    ["translated loopback", "https://[::ffff:0:7f00:1]/"],
    ["translated private, dotted", "https://[::ffff:0:10.0.0.1]/"],
    ["NAT64 loopback", "https://[64:ff9b::7f00:1]/"],
    ["NAT64 metadata, dotted", "https://[64:ff9b::169.254.169.254]/"],
    ["NAT64 local-use prefix", "https://[64:ff9b:1::8.8.8.8]/"],
    ["6to4 loopback", "https://[2002:7f00:1::]/"],
    ["6to4 private", "https://[2002:c0a8:101::1]/"],
    ["site-local", "https://[fec0::1]/"],
    ["unique-local", "https://[fc00::1]/"],
    ["link-local", "https://[fe80::1%25eth0]/"],
    ["multicast", "https://[ff02::1]/"],
    ["unspecified", "https://[::]/"],
    ["discard-only", "https://[100::1]/"],
    ["Teredo", "https://[2001::1]/"],
    ["benchmarking v6", "https://[2001:2::1]/"],
    ["documentation v6", "https://[2001:db8::1]/"],
    ["documentation v6 (3fff::/20)", "https://[3fff::1]/"],
    ["loopback, trailing dot", "https://localhost./"],
    ["public name, trailing dot", "https://hooks.example.com./"],
    ["localhost subdomain, trailing dot", "https://a.localhost./"],
    ["benchmarking v4", "https://198.18.0.1/"],
    ["benchmarking v4, upper half", "https://198.19.255.255/"],
    ["IETF protocol assignments", "https://192.0.0.8/"],
    ["TEST-NET-1", "https://192.0.2.1/"],
    ["TEST-NET-2", "https://198.51.100.7/"],
    ["TEST-NET-3", "https://203.0.113.9/"],
    ["6to4 relay anycast", "https://192.88.99.1/"],
    ["multicast v4", "https://239.1.1.1/"],
    ["reserved v4", "https://240.0.0.1/"],
    ["broadcast", "https://255.255.255.255/"],
    ["CGNAT top", "https://100.127.255.255/"],
  ])("refuses %s (%s), with or without the local flag", ([, url], { expect }) => {
    expect(checkWebhookUrl(url!, false).ok).toBe(false);
    expect(checkWebhookUrl(url!, true).ok).toBe(false);
  });

  it.for(["https://2130706433/", "https://0x7f.1/", "https://0177.0.0.1/"])(
    "reads IPv4 shorthand %s as 127.0.0.1: refused, and with the local flag only as 127.0.0.1 itself",
    (url, { expect }) => {
      expect(checkWebhookUrl(url, false).ok).toBe(false);
      expect(checkWebhookUrl(url, true)).toEqual({ ok: true, url: "https://127.0.0.1/" });
    },
  );

  it.for([
    ["public IPv6", "https://[2606:4700:4700::1111]/"],
    ["6to4 of a public IPv4", "https://[2002:808:808::1]/"],
    ["NAT64 of a public IPv4", "https://[64:ff9b::808:808]/"],
    ["mapped public IPv4", "https://[::ffff:8.8.8.8]/"],
    ["public IPv4 next to benchmarking", "https://198.20.0.1/"],
    ["public IPv4 next to CGNAT", "https://100.128.0.1/"],
  ])("accepts %s (%s)", ([, url], { expect }) => {
    expect(checkWebhookUrl(url!, false).ok).toBe(true);
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
