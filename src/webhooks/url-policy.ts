/**
 * Where Payrelay will POST: https to a public host. Hosts given as IP literals
 * in private, loopback, link-local (cloud metadata included), CGNAT or
 * unique-local ranges are refused, so an endpoint cannot aim the Worker at
 * internal services. Plain http to localhost/127.0.0.1 only when the Worker
 * runs with WEBHOOK_ALLOW_LOCAL=true (local development and tests).
 * Names are not resolved here: Workers' fetch does not reach private networks
 * in production, and redirects are never followed.
 */
export type UrlVerdict = { ok: true; url: string } | { ok: false; reason: string };

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1"]);

function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  const parts = m ? m.slice(1).map(Number) : null;
  return parts && parts.every((p) => p <= 255) ? parts : null;
}

function blockedV4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b! >= 64 && b! <= 127) ||
    a! >= 224
  );
}

function blockedV6(host: string): boolean {
  const h = host.toLowerCase();
  if (h === "::" || h === "::1") return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (mapped) return blockedV4(ipv4(mapped[1]!) ?? [0, 0]);
  // The URL parser normalises ::ffff:a.b.c.d to hex groups: decode the last two.
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (hexMapped) {
    const hi = parseInt(hexMapped[1]!, 16);
    const lo = parseInt(hexMapped[2]!, 16);
    return blockedV4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  return /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || /^ff/.test(h);
}

/** Checks a webhook URL; `allowLocal` is `env.WEBHOOK_ALLOW_LOCAL === "true"`. */
export function checkWebhookUrl(input: string, allowLocal: boolean): UrlVerdict {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: "Not a valid absolute URL." };
  }
  if (url.username || url.password) return { ok: false, reason: "The URL must not carry credentials." };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (allowLocal && LOCAL_HOSTS.has(host) && (url.protocol === "http:" || url.protocol === "https:")) return { ok: true, url: url.href };
  if (url.protocol !== "https:") {
    return { ok: false, reason: allowLocal ? "Use https (or http://localhost / http://127.0.0.1)." : "The URL must use https." };
  }
  const v4 = ipv4(host);
  if ((v4 && blockedV4(v4)) || (host.includes(":") && blockedV6(host)) || host === "localhost" || host.endsWith(".localhost")) {
    return { ok: false, reason: "The host is a private, loopback, link-local or metadata address; use a public host." };
  }
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
