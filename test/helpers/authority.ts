import { env } from "cloudflare:workers";

/** The authority stub of a destination, as the Worker reaches it. */
export function authorityOf(destinationId: string) {
  const ns = env.DESTINATION_AUTHORITY;
  return ns.get(ns.idFromName(destinationId));
}

export async function countRequests(where: string, ...binds: unknown[]): Promise<number> {
  return ((await env.DB.prepare(`SELECT COUNT(*) AS n FROM requests WHERE ${where}`).bind(...binds).first()) as { n: number }).n;
}
