import type { LoggedActor } from "../../lib/actor";
import type { SigningKey } from "./signing-key";
import type { AdmitSignature, SignatureEvidence } from "../../authority/authority-types";
import { recordAudit } from "../../audit/audit-log";
import { invalidField } from "../../authority/outcomes";
import type { ClientRow } from "../client-store";
import { clientRow, secretMatches } from "../client-store";

/**
 * Signed requests in the authority: a client's signing key and
 * whether it must sign, the admission's part of the check, and the evidence of
 * each signed create. The Worker verifies the signature (WebCrypto, before any
 * write) with the key `authenticate()` gave it; the admission then checks that
 * the key is still the client's (its thumbprint), in the same transaction that
 * admits, so a key changed in between cannot let the old one through.
 */

/** Null when the admission may go on; otherwise the 401's detail. */
export function admissionSignatureRefusal(row: ClientRow, signature: AdmitSignature): string | null {
  if (signature === null)
    return row.require_signed === 1 ? "This client ID must sign its requests: the Signature-Input header is missing." : null;
  if (row.signing_key_thumbprint === null || row.signing_key_thumbprint !== signature.keyThumbprint)
    return "The client's signing key changed while this request was being verified; sign with its current key.";
  return null;
}

export function recordSignature(
  sql: SqlStorage,
  requestId: string,
  clientId: string,
  secretHash: string,
  evidence: SignatureEvidence,
  now: number,
) {
  sql.exec(
    "INSERT OR IGNORE INTO request_signatures (request_id, client_id, secret_hash, evidence, created_at) VALUES (?, ?, ?, ?, ?)",
    requestId,
    clientId,
    secretHash,
    JSON.stringify(evidence),
    now,
  );
}

/**
 * A request's evidence, and whether the secret that signed still works (the client active and the secret
 * current, or the previous one within its overlap): while it does, the Worker must not show it.
 * Null: no such request in this destination.
 */
export type StoredSignature = { signed: false } | { signed: true; evidence: SignatureEvidence; secretLive: boolean };

export function readSignature(sql: SqlStorage, requestId: string, now: number): StoredSignature | null {
  if (sql.exec("SELECT 1 FROM requests WHERE id = ?", requestId).toArray().length === 0) return null;
  const row = sql
    .exec<{ client_id: string; secret_hash: string; evidence: string }>(
      "SELECT client_id, secret_hash, evidence FROM request_signatures WHERE request_id = ?",
      requestId,
    )
    .toArray()[0];
  if (!row) return { signed: false };
  const client = sql.exec<ClientRow>("SELECT * FROM clients WHERE id = ?", row.client_id).toArray()[0];
  const secretLive = client !== undefined && client.status === "active" && secretMatches(client, row.secret_hash, now);
  return { signed: true, evidence: JSON.parse(row.evidence) as SignatureEvidence, secretLive };
}

/** A change of signing settings; an absent member keeps what is there, `key: null` removes the key. */
export type SigningPatch = { key?: { jwk: SigningKey; thumbprint: string } | null; required?: boolean };

/** Requiring signatures needs a key; the audit entry names the key's thumbprint, never more. */
export function changeSigning(sql: SqlStorage, row: ClientRow, patch: SigningPatch, actor: LoggedActor, now: number) {
  const key =
    patch.key === undefined
      ? row.signing_key === null
        ? null
        : { jwk: row.signing_key, thumbprint: row.signing_key_thumbprint! }
      : patch.key;
  const required = patch.required ?? row.require_signed === 1;
  if (required && key === null)
    return invalidField(patch.required ? "requireSignedRequests" : "signingKey", "Requiring signed requests needs a signing key.");
  const stored = key === null ? null : typeof key.jwk === "string" ? key.jwk : JSON.stringify(key.jwk);
  sql.exec(
    "UPDATE clients SET signing_key = ?, signing_key_thumbprint = ?, require_signed = ? WHERE id = ?",
    stored,
    key?.thumbprint ?? null,
    required ? 1 : 0,
    row.id,
  );
  recordAudit(sql, {
    at: now,
    actor,
    action: "client.signing_changed",
    target: { type: "client", id: row.id },
    details: { signingKeyThumbprint: key?.thumbprint ?? null, requireSignedRequests: required },
  });
  return { outcome: "ok" as const, row: clientRow(sql, row.id)! };
}
