import { env } from "cloudflare:workers";

/** How many D1 request rows match `where`: what lists would show, read straight from the table. */
export async function countRequests(where: string, ...binds: unknown[]): Promise<number> {
  return (
    (await env.DB.prepare(`SELECT COUNT(*) AS n FROM requests WHERE ${where}`)
      .bind(...binds)
      .first()) as { n: number }
  ).n;
}
