/**
 * IP literals a webhook may not target: IANA's special-purpose registries
 * (RFC 6890 and its updates) for IPv4, and for IPv6 everything outside global
 * unicast (2000::/3) plus the special blocks inside it. IPv4 carried inside
 * IPv6 (IPv4-compatible `::a.b.c.d`, mapped `::ffff:…`, translated
 * `::ffff:0:…`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) is decoded and judged
 * as IPv4, so no spelling of 127.0.0.1 gets through.
 */

/** Dotted-quad IPv4 as four octets, or null. */
export function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  const parts = m ? m.slice(1).map(Number) : null;
  return parts && parts.every((p) => p <= 255) ? parts : null;
}

// The refused IPv4 blocks, each a test on the address's octets.
const V4_BLOCKS: ((o: number[]) => boolean)[] = [
  ([a]) => a === 0, // "this network"
  ([a]) => a === 10, // private
  ([a, b]) => a === 100 && b! >= 64 && b! <= 127, // CGNAT shared space
  ([a]) => a === 127, // loopback
  ([a, b]) => a === 169 && b === 254, // link-local, cloud metadata
  ([a, b]) => a === 172 && b! >= 16 && b! <= 31, // private
  ([a, b, c]) => a === 192 && b === 0 && (c === 0 || c === 2), // IETF protocol assignments, TEST-NET-1
  ([a, b, c]) => a === 192 && b === 88 && c === 99, // 6to4 relay anycast
  ([a, b]) => a === 192 && b === 168, // private
  ([a, b]) => a === 198 && (b === 18 || b === 19), // benchmarking
  ([a, b, c]) => a === 198 && b === 51 && c === 100, // TEST-NET-2
  ([a, b, c]) => a === 203 && b === 0 && c === 113, // TEST-NET-3
  ([a]) => a! >= 224, // multicast, reserved, broadcast
];

export const blockedV4 = (octets: number[]): boolean => V4_BLOCKS.some((blocked) => blocked(octets));

/** An IPv6 literal (no brackets) as eight 16-bit groups, or null when it is not one. */
export function ipv6(host: string): number[] | null {
  let text = host.toLowerCase();
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4(dotted[2]!);
    if (!v4) return null;
    text = `${dotted[1]}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (s: string) => (s === "" ? [] : s.split(":"));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.map((g) => parseInt(g, 16));
}

const v4Of = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255];

/** True for an IPv6 address (eight groups) a webhook may not target. */
export function blockedIpv6(g: number[]): boolean {
  const [g0, g1, g2, , g4, g5, g6, g7] = g as [number, number, number, number, number, number, number, number];
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  // ::/96 (unspecified, loopback, deprecated IPv4-compatible) is never a public host.
  if (zeroTo(6)) return true;
  // ::ffff:0:0/96 (mapped), ::ffff:0:0:0/96 (translated), 64:ff9b::/96 (NAT64): the last 32 bits are an IPv4 host.
  const mapped = zeroTo(5) && g5 === 0xffff;
  const translated = zeroTo(4) && g4 === 0xffff && g5 === 0;
  const nat64 = g0 === 0x64 && g1 === 0xff9b && g.slice(2, 6).every((x) => x === 0);
  if (mapped || translated || nat64) return blockedV4(v4Of(g6, g7));
  // Only global unicast from here on: ULA (fc00::/7), link-local and site-local (fe80::/10, fec0::/10),
  // multicast, discard (100::/64), NAT64 local use (64:ff9b:1::/48) and the rest all fall outside 2000::/3.
  if (g0 < 0x2000 || g0 > 0x3fff) return true;
  if (g0 === 0x2002) return blockedV4(v4Of(g1, g2)); // 6to4 wraps an IPv4 address
  if (g0 === 0x2001 && g1 < 0x200) return true; // IETF protocol assignments: Teredo, benchmarking, ORCHID
  if (g0 === 0x2001 && g1 === 0xdb8) return true; // documentation
  if (g0 === 0x3fff && g1 < 0x1000) return true; // documentation (3fff::/20)
  return false;
}
