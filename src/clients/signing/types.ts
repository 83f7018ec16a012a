// Types only, so the dashboard can name them without the Worker's crypto.

/** The key as stored and shown: only the members that define it, and its `kid` if it had one. */
export type SigningKey =
  { kty: "OKP"; crv: "Ed25519"; x: string; kid?: string } | { kty: "EC"; crv: "P-256"; x: string; y: string; kid?: string };
