import { parseDictionary, serializeInnerList, type BareItem, type InnerList } from "structured-headers";

/**
 * RFC 9421 HTTP Message Signatures, the parts Payrelay verifies: one labelled
 * signature from `Signature-Input` and `Signature` (structured fields, RFC
 * 8941, parsed by `structured-headers`), and the signature base rebuilt from
 * the request as received. Components are the derived ones a request has
 * (`@method`, `@target-uri`, `@authority`, `@scheme`, `@request-target`,
 * `@path`, `@query`) and header fields by name, without component parameters
 * (`;sf`, `;key`, `;bs`, `;req`): a signer that uses them is told so.
 */

/** A failure names the part that failed, for the 401's detail. */
export class SignatureError extends Error {}

export type ParsedSignature = {
  label: string;
  components: string[];
  params: Map<string, BareItem>;
  /** The `@signature-params` value: the inner list serialized as RFC 8941 says (as the signer serialized it). */
  signatureParams: string;
  signature: Uint8Array;
};

function dictionary(name: string, value: string | null) {
  if (value === null) throw new SignatureError(`The ${name} header is missing.`);
  try {
    return parseDictionary(value);
  } catch {
    throw new SignatureError(`The ${name} header is not a structured-field dictionary (RFC 8941).`);
  }
}

/** The signature under `label`, with its covered components and parameters. */
export function parseSignature(headers: Headers, label: string): ParsedSignature {
  const inputs = dictionary("Signature-Input", headers.get("signature-input"));
  const signatures = dictionary("Signature", headers.get("signature"));
  const input = inputs.get(label);
  if (input === undefined) throw new SignatureError(`Signature-Input has no signature labelled "${label}".`);
  if (!Array.isArray(input[0])) throw new SignatureError(`Signature-Input's "${label}" must be an inner list of components.`);
  const list = input as InnerList;
  const components = list[0].map(([name, params]) => {
    if (typeof name !== "string") throw new SignatureError(`Signature-Input's "${label}" lists a component that is not a string.`);
    if (params.size > 0) throw new SignatureError(`The component "${name}" has parameters; Payrelay verifies components without them.`);
    return name;
  });
  if (new Set(components).size !== components.length) throw new SignatureError(`Signature-Input's "${label}" lists a component twice.`);
  const value = signatures.get(label);
  if (value === undefined) throw new SignatureError(`The Signature header has no signature labelled "${label}".`);
  if (Array.isArray(value[0]) || !(value[0] instanceof ArrayBuffer))
    throw new SignatureError(`The Signature header's "${label}" must be a byte sequence (:base64:).`);
  return { label, components, params: list[1], signatureParams: serializeInnerList(list), signature: new Uint8Array(value[0]) };
}

/** What a signature base is built from: the request as the Worker received it. */
export type SignedMessage = { method: string; url: string; headers: Headers };

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

function componentValue(name: string, { method, url, headers }: SignedMessage): string {
  const u = new URL(url);
  switch (name) {
    case "@method":
      return method.toUpperCase();
    case "@target-uri":
      return u.href;
    case "@authority":
      return u.port && u.port !== DEFAULT_PORTS[u.protocol] ? `${u.hostname}:${u.port}` : u.hostname;
    case "@scheme":
      return u.protocol.slice(0, -1);
    case "@request-target":
      return u.pathname + u.search;
    case "@path":
      return u.pathname || "/";
    case "@query":
      return u.search || "?";
  }
  if (name.startsWith("@")) throw new SignatureError(`The component "${name}" is not one Payrelay can derive from a request.`);
  if (name !== name.toLowerCase()) throw new SignatureError(`The component "${name}" must be lowercase.`);
  // Headers.get combines repeated fields with ", " and trims each value, as RFC 9421 §2.1 asks.
  const value = headers.get(name);
  if (value === null) throw new SignatureError(`The covered header "${name}" is not in the request.`);
  return value.replace(/\s*\r?\n\s*/g, " ").trim();
}

/** RFC 9421 §2.5: one line per covered component, then `"@signature-params"`. */
export function signatureBase(signature: Pick<ParsedSignature, "components" | "signatureParams">, message: SignedMessage): string {
  const lines = signature.components.map((name) => `"${name}": ${componentValue(name, message)}`);
  lines.push(`"@signature-params": ${signature.signatureParams}`);
  return lines.join("\n");
}
