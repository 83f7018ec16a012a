import { defineRoute } from "../../../define-route";
import { jsonResponse } from "../../../content";
import { EvidenceSchema } from "../../../../payments/evidence.schemas";
import { problems } from "../../../../lib/problem.schemas";
import { DestinationRequestParams } from "../../../../requests/request.schemas";

export const getRequestEvidence = defineRoute("session", {
  operationId: "getRequestEvidence",
  method: "get",
  path: "/api/destinations/{destinationId}/requests/{requestId}/evidence",
  tags: ["Dashboard: requests"],
  summary: "The client's signature on a signed create: proof of who asked for it",
  description:
    "For a request its client created with an RFC 9421 signature: the Signature-Input and Signature as sent, the client's public key and algorithm as verified, the signature base and the body. " +
    "The base covers the Authorization header, i.e. the client's bearer secret: Payrelay keeps it sealed (AES-GCM, a key only the Worker derives) with the SHA-256 of that header, " +
    "and while the secret still works it answers the base with that line redacted and `verifiable: false` and a reason. Once the secret is retired (the client revoked, " +
    "or the secret rotated and its overlap over) the whole base is returned with `verifiable: true`, so a third party verifies the signature with the public key alone. " +
    "An unsigned request answers `{signed: false}`.",
  request: { params: DestinationRequestParams },
  responses: { 200: jsonResponse(EvidenceSchema, "The evidence, or {signed: false}"), ...problems(400, 401, 404) },
});
