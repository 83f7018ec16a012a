import { openBase } from "../clients/signing/evidence-box";
import { accepted, authority } from "../authority/stub";
import { isoTime } from "../lib/iso-time";

/** RFC 9421 base lines are `"<component>": <value>`; this is the covered Authorization line's prefix. */
const AUTHORIZATION_LINE = /^"authorization": .*$/m;

/**
 * A request's signature evidence for its recipient. The sealed base is opened
 * here, in the Worker; while the client's secret that signed still works its
 * Authorization line is replaced by the secret's hash, so the dashboard never
 * shows a live secret. Once it is retired (revoked, or rotated with its overlap
 * over), the base is whole and anyone verifies it with the public key alone.
 */
export async function requestEvidence(env: Env, destinationId: string, requestId: string) {
  const { signature: stored } = accepted(await authority(env, destinationId).requestSignature(requestId), "request under this destination");
  if (!stored.signed) return { signed: false as const };
  const { sealedBase, created, ...evidence } = stored.evidence;
  const base = await openBase(env, requestId, sealedBase);
  const redacted = `"authorization": [redacted: secret still live, sha-256 ${evidence.authorizationSha256}]`;
  return {
    signed: true as const,
    ...evidence,
    created: isoTime(created * 1000),
    signatureBase: stored.secretLive ? base.replace(AUTHORIZATION_LINE, () => redacted) : base,
    verifiable: !stored.secretLive,
    ...(stored.secretLive
      ? {
          reason:
            "The client's secret that signed still works, so its Authorization line is redacted; the full base is shown once the client is revoked or that secret is rotated out.",
        }
      : {}),
  };
}
