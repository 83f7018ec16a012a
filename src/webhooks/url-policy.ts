import { blockedIpv6, blockedV4, ipv4, ipv6 } from "./ip-ranges";

/**
 * Where Payrelay will POST: https to a public host. Hosts given as IP literals
 * in any loopback, private, link-local (cloud metadata included), site-local,
 * CGNAT or other special-purpose range are refused, in every spelling the URL
 * parser accepts (it normalises IPv4 shorthand such as `0x7f.1`, and IPv6 with
 * IPv4 embedded, which ip-ranges.ts decodes). A host name with a trailing dot
 * (`localhost.`) is refused: it names the same host as without the dot and
 * slips past suffix checks. Plain http to localhost/127.0.0.1 only when the
 * Worker runs with WEBHOOK_ALLOW_LOCAL=true (local development and tests).
 * Names are not resolved here: Workers' fetch does not reach private networks
 * in production, and redirects are never followed.
 */
export type UrlVerdict = { ok: true; url: string } | { ok: false; reason: string };

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1"]);
const PRIVATE = "The host is a private, loopback, link-local, metadata or special-purpose address; use a public host.";

/** Checks a webhook URL; `allowLocal` is `env.WEBHOOK_ALLOW_LOCAL === "true"`. */
export function checkWebhookUrl(input: string, allowLocal: boolean): UrlVerdict {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: "Not a valid absolute URL." };
  }
  if (url.username || url.password) return { ok: false, reason: "The URL must not carry credentials." };
  const literal6 = url.hostname.startsWith("[");
  const host = literal6 ? url.hostname.slice(1, -1) : url.hostname.toLowerCase();
  if (allowLocal && LOCAL_HOSTS.has(host) && (url.protocol === "http:" || url.protocol === "https:")) return { ok: true, url: url.href };
  if (url.protocol !== "https:") {
    return { ok: false, reason: allowLocal ? "Use https (or http://localhost / http://127.0.0.1)." : "The URL must use https." };
  }
  if (host.endsWith(".")) return { ok: false, reason: "The host name must not end with a dot." };
  if (literal6) {
    const groups = ipv6(host);
    return !groups || blockedIpv6(groups) ? { ok: false, reason: PRIVATE } : { ok: true, url: url.href };
  }
  const v4 = ipv4(host);
  if ((v4 && blockedV4(v4)) || host === "localhost" || host.endsWith(".localhost")) return { ok: false, reason: PRIVATE };
  return { ok: true, url: url.href };
}

export const allowLocal = (env: Env) => env.WEBHOOK_ALLOW_LOCAL === "true";

// Not in wrangler.jsonc on purpose (never a production var), so `wrangler types` does not know it:
// "true" only in local runs (scripts/dev.mjs, e2e/run.mjs, vitest.config.ts).
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- augmenting the generated Cloudflare.Env
  namespace Cloudflare {
    interface Env {
      WEBHOOK_ALLOW_LOCAL?: string;
    }
  }
}
