// RFC 9421 HTTP Message Signatures for Payrelay's signed requests, on WebCrypto alone (Node 20+, Workers, Deno,
// browsers): label `payrelay`, covering @method, @target-uri, content-digest (RFC 9530 sha-256) and authorization,
// with created (the server accepts at most 300 s old), keyid and alg.

/** A client's private key: a private JWK (Ed25519 `kty: "OKP"` or P-256 `kty: "EC"`, with `d`), or a WebCrypto key. */
export type SigningOptions = {
  privateKey: JsonWebKey | CryptoKey;
  /** Sent as the signature's keyid; default: the JWK's kid, if any. */
  keyId?: string;
  /** Seconds since the epoch for `created` (tests); default: now. */
  now?: () => number;
};

export const SIGNATURE_LABEL = "payrelay";
export const COVERED_COMPONENTS = ["@method", "@target-uri", "content-digest", "authorization"] as const;

type Alg = "ed25519" | "ecdsa-p256-sha256";

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const sfString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

async function importPrivateKey(key: JsonWebKey | CryptoKey): Promise<{ key: CryptoKey; alg: Alg }> {
  if (typeof CryptoKey !== "undefined" && key instanceof CryptoKey) {
    const name = key.algorithm.name;
    if (name === "Ed25519") return { key, alg: "ed25519" };
    if (name === "ECDSA" && (key.algorithm as { namedCurve?: string }).namedCurve === "P-256") return { key, alg: "ecdsa-p256-sha256" };
    throw new TypeError("signingKey.privateKey must be an Ed25519 or P-256 ECDSA key.");
  }
  const jwk = key as JsonWebKey;
  if (jwk.d === undefined) throw new TypeError("signingKey.privateKey must be the private JWK (with d).");
  if (jwk.kty === "OKP" && jwk.crv === "Ed25519")
    return { key: await crypto.subtle.importKey("jwk", jwk, { name: "Ed25519" }, false, ["sign"]), alg: "ed25519" };
  if (jwk.kty === "EC" && jwk.crv === "P-256")
    return {
      key: await crypto.subtle.importKey("jwk", jwk, { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]),
      alg: "ecdsa-p256-sha256",
    };
  throw new TypeError('signingKey.privateKey must be an Ed25519 (kty "OKP") or P-256 (kty "EC") JWK.');
}

/** RFC 9530: `sha-256=:<base64 of SHA-256 of the body>:`. */
export async function contentDigest(body: Uint8Array<ArrayBuffer>): Promise<string> {
  return `sha-256=:${base64(new Uint8Array(await crypto.subtle.digest("SHA-256", body)))}:`;
}

/** The RFC 9421 signature base Payrelay verifies, for a request that already carries Content-Digest. */
export function signatureBase(request: Request, signatureParams: string): string {
  const value = (name: string) => {
    if (name === "@method") return request.method.toUpperCase();
    if (name === "@target-uri") return new URL(request.url).href;
    const header = request.headers.get(name);
    if (header === null) throw new TypeError(`The request has no ${name} header to sign.`);
    return header.trim();
  };
  return [...COVERED_COMPONENTS.map((name) => `"${name}": ${value(name)}`), `"@signature-params": ${signatureParams}`].join("\n");
}

/**
 * A copy of `request` with Content-Digest, Signature-Input and Signature. It must already carry its
 * Authorization header (the signature covers it). Every attempt is signed afresh, so retries keep `created` recent.
 */
export async function signRequest(request: Request, options: SigningOptions): Promise<Request> {
  const { key, alg } = await importPrivateKey(options.privateKey);
  const body = new Uint8Array(await request.clone().arrayBuffer());
  const headers = new Headers(request.headers);
  headers.set("content-digest", await contentDigest(body));
  const created = Math.floor(options.now?.() ?? Date.now() / 1000);
  const keyId = options.keyId ?? (options.privateKey as JsonWebKey & { kid?: string }).kid;
  const params =
    `(${COVERED_COMPONENTS.map((c) => `"${c}"`).join(" ")});created=${created}` +
    (keyId ? `;keyid=${sfString(keyId)}` : "") +
    `;alg="${alg}"`;
  const signed = new Request(request, { headers });
  const data = new TextEncoder().encode(signatureBase(signed, params));
  const algorithm = alg === "ed25519" ? { name: "Ed25519" } : { name: "ECDSA", hash: "SHA-256" };
  const signature = new Uint8Array(await crypto.subtle.sign(algorithm, key, data));
  headers.set("signature-input", `${SIGNATURE_LABEL}=${params}`);
  headers.set("signature", `${SIGNATURE_LABEL}=:${base64(signature)}:`);
  return new Request(request, { headers, body: body.byteLength > 0 ? body : null });
}

/** A fetch that signs every POST before sending it; other methods pass through. */
export function signingFetch(fetcher: (request: Request) => Promise<Response>, options: SigningOptions) {
  return async (request: Request) => (request.method === "POST" ? fetcher(await signRequest(request, options)) : fetcher(request));
}
