import { z } from "@hono/zod-openapi";
import { SigningKeyViewSchema } from "../clients/client.schemas";

const Signed = z.object({
  signed: z.literal(true),
  signatureInput: z.string().openapi({ example: 'payrelay=("@method" "@target-uri" "content-digest" "authorization");created=1767225600' }),
  signature: z
    .string()
    .openapi({ example: "payrelay=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:" }),
  keyId: z.string().nullable().openapi({ description: "The signature's keyid parameter, if the signer sent one." }),
  publicKey: SigningKeyViewSchema.openapi({ description: "The client's public key as it was when the signature was verified." }),
  alg: z.enum(["ed25519", "ecdsa-p256-sha256"]),
  created: z.string().openapi({ description: "The signature's created parameter, as a timestamp." }),
  authorizationSha256: z.string().openapi({ description: "Lowercase hex SHA-256 of the covered Authorization header value." }),
  signatureBase: z.string().openapi({
    description:
      "The RFC 9421 signature base that was signed. While the client's secret that signed still works, its authorization line reads `[redacted: secret still live, sha-256 …]`.",
  }),
  body: z.string().openapi({ description: "The request body as sent; its SHA-256 is the covered Content-Digest." }),
  verifiable: z
    .boolean()
    .openapi({ description: "Whether signatureBase is complete, so that publicKey alone verifies signature over it." }),
  reason: z.string().optional().openapi({ description: "Why it is not verifiable yet." }),
});

export const EvidenceSchema = z.union([z.object({ signed: z.literal(false) }), Signed]).openapi("RequestEvidence", {
  description:
    "Proof that a client asked for a request: its RFC 9421 signature. The base covers the client's bearer secret, so Payrelay stores it sealed and shows it whole only once that secret is retired (the client revoked, or the secret rotated and its overlap over); until then the secret's line is redacted and `verifiable` is false.",
});
