import { describe, it } from "vitest";
import { parseSignature, signatureBase } from "../../../src/clients/signing/message-signature";
import { importSigningKey } from "../../../src/clients/signing/signing-key";

/**
 * RFC 9421 appendix B.2.6 ("Signing a Request Using ed25519") against Payrelay's own base builder and verifier:
 * the test request of B.2, the Ed25519 test key of B.1.4, and the signature the RFC prints.
 */
const PUBLIC_KEY = { kty: "OKP", crv: "Ed25519", x: "JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs" } as const;
const PRIVATE_JWK = { ...PUBLIC_KEY, d: "n4Ni-HpISpVObnQMW0wOhCKROaIKqKtW_2ZYb2p9KcU" };
const SIGNATURE_INPUT =
  'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"';
const SIGNATURE = "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:";
const EXPECTED_BASE = [
  '"date": Tue, 20 Apr 2021 02:07:55 GMT',
  '"@method": POST',
  '"@path": /foo',
  '"@authority": example.com',
  '"content-type": application/json',
  '"content-length": 18',
  '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
].join("\n");

const message = (headers: Record<string, string> = {}) => ({
  method: "POST",
  url: "http://example.com/foo?param=Value&Pet=dog",
  headers: new Headers({
    host: "example.com",
    date: "Tue, 20 Apr 2021 02:07:55 GMT",
    "content-type": "application/json",
    "content-digest": "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:",
    "content-length": "18",
    "signature-input": SIGNATURE_INPUT,
    signature: SIGNATURE,
    ...headers,
  }),
});

describe("RFC 9421 B.2.6 (Ed25519)", () => {
  it("builds the RFC's signature base and verifies the RFC's signature", async ({ expect }) => {
    const parsed = parseSignature(message().headers, "sig-b26");
    expect(parsed.components).toEqual(["date", "@method", "@path", "@authority", "content-type", "content-length"]);
    const base = signatureBase(parsed, message());
    expect(base).toBe(EXPECTED_BASE);
    const verify = await importSigningKey(PUBLIC_KEY);
    expect(await verify(parsed.signature, new TextEncoder().encode(base))).toBe(true);
  });

  it("signs the RFC's base to the RFC's signature (Ed25519 is deterministic)", async ({ expect }) => {
    const key = await crypto.subtle.importKey("jwk", PRIVATE_JWK, { name: "Ed25519" }, false, ["sign"]);
    const signature = new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, key, new TextEncoder().encode(EXPECTED_BASE)));
    expect(`sig-b26=:${btoa(String.fromCharCode(...signature))}:`).toBe(SIGNATURE);
  });

  it("refuses the same signature over a changed message", async ({ expect }) => {
    const verify = await importSigningKey(PUBLIC_KEY);
    const changed = message({ date: "Tue, 20 Apr 2021 02:07:56 GMT" });
    const parsed = parseSignature(changed.headers, "sig-b26");
    expect(await verify(parsed.signature, new TextEncoder().encode(signatureBase(parsed, changed)))).toBe(false);
  });
});
