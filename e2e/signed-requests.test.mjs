// Signed requests (RFC 9421) against `wrangler dev`, with an independent implementation on the other side:
// the `http-message-signatures` package signs and Payrelay verifies, and Payrelay's SDK signs and that package
// verifies; the README's "Signing requests" section runs as written; the client page's Signed requests form
// (a pasted private key named on its field, a public key saved and announced, axe-clean at both widths).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash, generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createSigner, createVerifier, httpbis } from "http-message-signatures";
import { BASE_URL, PASSWORD, Recipient } from "./support/api.mjs";
import { checkScreen, launch, openPage, signIn } from "./support/browser.mjs";
import { assertAnnounced, assertFocused } from "./support/focus.mjs";

const sdkDir = new URL("../sdk/", import.meta.url);
const FIELDS = ["@method", "@target-uri", "content-digest", "authorization"];
let sdk;
let recipient;
let destinationId;

before(async () => {
  execFileSync(process.execPath, ["build.mjs"], { cwd: sdkDir, stdio: "inherit" });
  sdk = await import(new URL("dist/index.js", sdkDir).href);
  recipient = await Recipient.signUp();
  destinationId = (await recipient.claimedDestination("Signed requests")).id;
});

/** A key pair from Node's crypto (not WebCrypto), and a client whose recipient pasted its public JWK. */
async function signingClient(type, name, requireSignedRequests = true) {
  const pair = type === "ed25519" ? generateKeyPairSync("ed25519") : generateKeyPairSync("ec", { namedCurve: "P-256" });
  const signingKey = pair.publicKey.export({ format: "jwk" });
  const made = await recipient.post(`/api/destinations/${destinationId}/clients`, { name, signingKey, requireSignedRequests });
  assert.equal(made.status, 201, made.text);
  return { ...pair, client: made.json };
}

const digestOf = (body) => `sha-256=:${createHash("sha256").update(body).digest("base64")}:`;
const evidence = (requestId) => recipient.get(`/api/destinations/${destinationId}/requests/${requestId}/evidence`);

for (const [type, alg] of [
  ["ed25519", "ed25519"],
  ["p256", "ecdsa-p256-sha256"],
]) {
  test(`http-message-signatures signs (${alg}), Payrelay verifies and keeps the evidence`, async () => {
    const { privateKey, client } = await signingClient(type, `Independent signer ${type}`);
    const body = JSON.stringify({ direction: "incoming", amount: "4.20", currency: "USDC", reference: `HMS ${type}` });
    const url = `${BASE_URL}/v1/destinations/${destinationId}/requests`;
    const message = {
      method: "POST",
      url,
      headers: { authorization: `Bearer ${client.secret}`, "content-type": "application/json", "content-digest": digestOf(body) },
    };
    const signed = await httpbis.signMessage(
      { key: createSigner(privateKey, alg, `key-${type}`), name: "payrelay", fields: FIELDS, params: ["created", "keyid", "alg"] },
      message,
    );
    const res = await fetch(url, { method: "POST", headers: signed.headers, body });
    const created = await res.json();
    assert.equal(res.status, 201, JSON.stringify(created));
    const kept = (await evidence(created.id)).json;
    assert.equal(kept.signed, true);
    assert.equal(kept.alg, alg);
    assert.equal(kept.keyId, `key-${type}`);
    assert.equal(kept.body, body);
    assert.equal(kept.signature, new Headers(signed.headers).get("signature"));

    // The same headers over another body: the digest no longer matches, 401 naming it.
    const tampered = await fetch(url, { method: "POST", headers: signed.headers, body: body.replace("4.20", "420.00") });
    const problem = await tampered.json();
    assert.deepEqual([tampered.status, problem.code], [401, "signature_invalid"]);
    assert.match(problem.detail, /Content-Digest does not match the body/);
  });
}

test("Payrelay's SDK signs, http-message-signatures verifies what it sent", async () => {
  const { privateKey, publicKey, client } = await signingClient("ed25519", "SDK signer");
  const sent = [];
  const payrelay = sdk.createPayrelayClient({
    baseUrl: BASE_URL,
    secret: client.secret,
    signingKey: { privateKey: privateKey.export({ format: "jwk" }), keyId: "sdk-key" },
    fetch: async (request) => {
      sent.push({ request: request.clone(), body: await request.clone().text() });
      return fetch(request);
    },
  });
  const request = await payrelay.requests.create(destinationId, { direction: "incoming", amount: "7.00", currency: "USDC" });
  assert.match(request.id, /^req_/);
  const { request: signed, body } = sent.at(-1);
  const headers = Object.fromEntries(signed.headers);
  assert.equal(headers["content-digest"], digestOf(body));
  const verified = await httpbis.verifyMessage(
    {
      keyLookup: async (params) => {
        assert.equal(params.keyid, "sdk-key");
        return { id: "sdk-key", algs: ["ed25519"], verify: createVerifier(publicKey, "ed25519") };
      },
      requiredFields: FIELDS,
      requiredParams: ["created"],
    },
    { method: signed.method, url: signed.url, headers },
  );
  assert.equal(verified, true);
  // Reads are not signed, and a client that must sign still reads.
  assert.equal((await payrelay.requests.get(request.id)).id, request.id);
});

test("the README's Signing requests section runs as written", async () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## Signing requests"), readme.indexOf("## Use it from an agent"));
  const keygen = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  const script = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(keygen && script, "the section has a key-pair command and an SDK example");
  const dir = mkdtempSync(join(tmpdir(), "payrelay-signing-"));
  try {
    execFileSync("bash", ["-c", keygen], { cwd: dir });
    const publicJwk = JSON.parse(readFileSync(join(dir, "public.jwk"), "utf8"));
    assert.equal(publicJwk.d, undefined);
    const client = (await recipient.post(`/api/destinations/${destinationId}/clients`, { name: "README signer" })).json;
    const patched = await recipient.api(`/api/destinations/${destinationId}/clients/${client.id}`, {
      method: "PATCH",
      body: { signingKey: publicJwk, requireSignedRequests: true },
    });
    assert.equal(patched.status, 200, patched.text);
    writeFileSync(join(dir, "example.mjs"), script.replace('"@payrelay/client"', JSON.stringify(new URL("dist/index.js", sdkDir).href)));
    const out = execFileSync(process.execPath, ["example.mjs"], {
      cwd: dir,
      env: { ...process.env, BASE: BASE_URL, SECRET: client.secret, DST: destinationId },
      encoding: "utf8",
    });
    const requestId = out.trim().split(/\s+/)[0];
    assert.match(requestId, /^req_/);
    const kept = (await evidence(requestId)).json;
    assert.deepEqual([kept.signed, kept.verifiable], [true, false]);
    assert.ok(!JSON.stringify(kept).includes(client.secret), "the live secret is not shown");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

let browser;
let page;
let assertCleanConsole;

after(async () => {
  await browser?.close();
});

test("the client page takes a pasted public key, names a private one's error on the field, and says what signing means", async () => {
  const client = (await recipient.post(`/api/destinations/${destinationId}/clients`, { name: "Pasted key" })).json;
  browser = await launch();
  ({ page, assertCleanConsole } = await openPage(browser));
  await signIn(page, recipient.email, PASSWORD);
  await page.goto(`/destinations/${destinationId}/clients/${client.id}`);
  await page.getByRole("heading", { level: 2, name: "Signed requests" }).waitFor();
  await page.getByText(/proof, that anyone can check with this key/).waitFor();

  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const field = page.getByLabel(/Public signing key/);
  await field.fill(JSON.stringify(privateKey.export({ format: "jwk" })));
  await page.getByLabel(/Require signed requests/).check();
  await page.getByRole("button", { name: "Save signing settings" }).click();
  await assertFocused(page, field, "the signing key field");
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  await page.getByText("This is a private key (it has d); paste the public key only.").first().waitFor();
  await checkScreen(page, "45-client-signing-error");

  await field.fill(JSON.stringify(publicKey.export({ format: "jwk" })));
  await page.getByRole("button", { name: "Save signing settings" }).click();
  await assertAnnounced(page, /this client must now sign its requests/);
  await assertFocused(page, page.getByRole("heading", { level: 2, name: "Signed requests" }), "the Signed requests heading");
  await page.getByText("Required", { exact: true }).waitFor();
  await checkScreen(page, "46-client-signing-saved");
  const stored = (await recipient.get(`/api/destinations/${destinationId}/clients`)).json.data.find((c) => c.id === client.id);
  assert.deepEqual([stored.requireSignedRequests, stored.signingKey.x], [true, publicKey.export({ format: "jwk" }).x]);
  assertCleanConsole([400, 401]);
});
