// Signed requests: what one RFC 9421 verification costs a create. The same create on POST
// /v1/destinations/{id}/requests by a client without a key and by one that must sign (Ed25519), in the same run,
// on the same destination, alternating rounds: workerd CPU per create and latency. A signed create verifies in the
// Worker (Content-Digest, the base, WebCrypto) after one read-only authenticate() RPC for the key, then admits.
// The load generator repeats one signed request, valid for 300 s from `created`: it is signed afresh per round.
import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { CREATE_BODY, fastClient, manyDestinations } from "../lib/setup.mjs";

export const name = "signing";

const COVERED = ["@method", "@target-uri", "content-digest", "authorization"];

/** The headers the SDK would send, signed now with Node's crypto (an implementation apart from the Worker's). */
function signedHeaders(url, secret, body, privateKey) {
  const digest = `sha-256=:${createHash("sha256").update(body).digest("base64")}:`;
  const params = `(${COVERED.map((c) => `"${c}"`).join(" ")});created=${Math.floor(Date.now() / 1000)};alg="ed25519"`;
  const values = { "@method": "POST", "@target-uri": url, "content-digest": digest, authorization: `Bearer ${secret}` };
  const base = [...COVERED.map((c) => `"${c}": ${values[c]}`), `"@signature-params": ${params}`].join("\n");
  const signature = sign(null, Buffer.from(base), privateKey).toString("base64");
  return { "Content-Digest": digest, "Signature-Input": `payrelay=${params}`, Signature: `payrelay=:${signature}:` };
}

async function signingClient(rcpt, destinationId, label) {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const c = await fastClient(rcpt, destinationId, label);
  const res = await rcpt.api(`/api/destinations/${destinationId}/clients/${c.clientId}`, {
    method: "PATCH",
    body: { signingKey: publicKey.export({ format: "jwk" }), requireSignedRequests: true },
  });
  if (res.status !== 200) throw new Error(`signing phase: PATCH ${res.status} ${JSON.stringify(res.json)}`);
  return { ...c, privateKey };
}

export async function run(ctx) {
  const { urls, config, log, runOne, db } = ctx;
  const [d] = await manyDestinations(ctx.rcpt, "7a", 1, 1, "Signing bench");
  const path = `/v1/destinations/${d.destinationId}/requests`;
  const body = JSON.stringify(CREATE_BODY);
  const rounds = [];
  for (let round = 0; round < config.rounds; round++) {
    const row = {};
    for (const side of round % 2 === 0 ? ["unsigned", "signed"] : ["signed", "unsigned"]) {
      const c =
        side === "signed"
          ? await signingClient(ctx.rcpt, d.destinationId, `Signed ${round}`)
          : await fastClient(ctx.rcpt, d.destinationId, `Unsigned ${round}`);
      const headers = side === "signed" ? signedHeaders(urls.app + path, c.secret, body, c.privateKey) : {};
      const target = { base: urls.app, paths: [path], auth: `Bearer ${c.secret}`, method: "POST", body, headers };
      const check = await fetch(urls.app + path, {
        method: "POST",
        headers: { authorization: target.auth, "content-type": "application/json", ...headers },
        body,
      });
      if (check.status !== 201) throw new Error(`signing phase: ${side} create answered ${check.status} ${await check.text()}`);
      const r = await runOne(`signing-${side}-${round}`, target, config.connections, config.seconds);
      const rows = (await db.prepare("SELECT count(*) AS n FROM requests WHERE created_by_client_id = ?").bind(c.clientId).first()).n;
      if (rows < r.requests) throw new Error(`signing phase: ${side} answered ${r.requests} creates but D1 has ${rows}`);
      row[side] = { rps: r.rps, p50: r.p50, p99: r.p99, cpu: r.cpuUsPerRequest, requests: r.requests };
    }
    log(
      `signing round ${round + 1}: unsigned ${row.unsigned.cpu?.toFixed(0)} µs CPU p50 ${row.unsigned.p50.toFixed(1)} ms; ` +
        `signed ${row.signed.cpu?.toFixed(0)} µs CPU p50 ${row.signed.p50.toFixed(1)} ms`,
    );
    rounds.push(row);
  }
  return { connections: config.connections, seconds: config.seconds, rounds };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function report(d) {
  const m = (side, f) => median(d.rounds.map((r) => r[side][f]));
  const extraCpu = median(d.rounds.map((r) => r.signed.cpu - r.unsigned.cpu));
  const ratio = median(d.rounds.map((r) => r.signed.cpu / r.unsigned.cpu));
  const targets = [
    {
      target: "Signed create (Ed25519 verification + the key's RPC): workerd CPU per create ≤ 1.5 × unsigned",
      value: `${ratio.toFixed(2)} × (${m("signed", "cpu").toFixed(0)} / ${m("unsigned", "cpu").toFixed(0)} µs; +${extraCpu.toFixed(0)} µs per create)`,
      ok: ratio <= 1.5,
    },
  ];
  const L = ["## Signed requests: one verification per create", ""];
  L.push("| round | side | req/s | p50 ms | p99 ms | workerd CPU µs/create | creates |", "| --- | --- | --- | --- | --- | --- | --- |");
  d.rounds.forEach((r, i) => {
    for (const side of ["unsigned", "signed"]) {
      const x = r[side];
      L.push(
        `| ${i + 1} | ${side} | ${x.rps.toFixed(0)} | ${x.p50.toFixed(1)} | ${x.p99.toFixed(1)} | ${x.cpu?.toFixed(0) ?? "–"} | ${x.requests} |`,
      );
    }
  });
  L.push(
    "",
    `A signed create costs ${extraCpu.toFixed(0)} µs more workerd CPU than an unsigned one (median of ${d.rounds.length} rounds, ${d.seconds} s at ${d.connections} connections): ` +
      "parsing Signature-Input and Signature, the Content-Digest of the body, the base, one Ed25519 verify in WebCrypto, the authenticate() RPC that fetches the key, and sealing the base (AES-GCM) for the evidence.",
  );
  return { targets, markdown: L.join("\n") };
}
