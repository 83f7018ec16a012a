// The assets (dashboard and payment page) carry the security headers, and the
// HTML needs no inline script or style, so the CSP can forbid them.
import assert from "node:assert/strict";
import { test } from "node:test";
import { publicGet } from "./support/api.mjs";

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

function assertSecurityHeaders(res, path) {
  assert.equal(res.headers.get("content-security-policy"), CSP, `${path} CSP`);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff", `${path} nosniff`);
  assert.equal(res.headers.get("referrer-policy"), "no-referrer", `${path} Referrer-Policy`);
  assert.equal(res.headers.get("x-frame-options"), "DENY", `${path} X-Frame-Options`);
}

test("every kind of asset is served with the security headers", async () => {
  const index = await publicGet("/");
  assert.equal(index.status, 200);
  const assets = [...index.text.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(assets.some((a) => a.endsWith(".js")) && assets.some((a) => a.endsWith(".css")));
  for (const path of ["/", "/destinations/dst_anything", "/pay/some-token", "/login", ...assets]) {
    const res = await publicGet(path);
    assert.equal(res.status, 200, path);
    assertSecurityHeaders(res, path);
  }
});

test("the page shell has no inline script or style for the CSP to block", async () => {
  const { text } = await publicGet("/pay/some-token");
  assert.doesNotMatch(text, /<script(?![^>]*\bsrc=)[^>]*>/, "inline <script>");
  assert.doesNotMatch(text, /<style/, "inline <style>");
  assert.doesNotMatch(text, /\sstyle=/, "style attribute");
  assert.doesNotMatch(text, /https?:\/\//, "no external URLs");
});
