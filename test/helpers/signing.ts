import { signRequest, type SigningOptions } from "../../sdk/src/signing";
import { workerFetch } from "./worker";

/** A fresh key pair as a client would hold it: the private JWK, and the public one its recipient pastes. */
export async function keyPair(kind: "Ed25519" | "P-256" = "Ed25519") {
  const algorithm = kind === "Ed25519" ? { name: "Ed25519" } : { name: "ECDSA", namedCurve: "P-256" };
  const pair = (await crypto.subtle.generateKey(algorithm, true, ["sign", "verify"])) as CryptoKeyPair;
  const privateJwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  const publicJwk: JsonWebKey & Record<string, unknown> = { ...privateJwk };
  for (const member of ["d", "key_ops", "ext"] as const) delete publicJwk[member];
  return { privateJwk, publicJwk, publicKey: pair.publicKey };
}

const BASE = "https://payrelay.test";

/** A POST signed with the SDK's signer (`options.now` moves `created`), then optionally changed before sending. */
export async function signedCall(
  path: string,
  secret: string,
  body: unknown,
  signing: SigningOptions,
  tamper?: (signed: Request) => Request,
) {
  const request = new Request(BASE + path, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const signed = await signRequest(request, signing);
  const res = await workerFetch(tamper ? tamper(signed) : signed);
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
  const json: any = text && /json/.test(res.headers.get("content-type") ?? "") ? JSON.parse(text) : null;
  return { status: res.status, headers: res.headers, json, text };
}
