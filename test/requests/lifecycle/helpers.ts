import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { authority } from "../../../src/authority/stub";

const authorityOf = (destinationId: string) => authority(env, destinationId);

/** The authority's and D1's view of one request: the single writer and its copy. */
export async function bothStores(dst: string, id: string) {
  const authority = await runInDurableObject(authorityOf(dst), (_i, state) =>
    state.storage.sql.exec<{ status: string; sequence: number }>("SELECT status, sequence FROM requests WHERE id = ?", id).one(),
  );
  const d1 = (await env.DB.prepare("SELECT status, status_sequence AS sequence FROM requests WHERE id = ?").bind(id).first()) as {
    status: string;
    sequence: number;
  } | null;
  const events = ((await env.DB.prepare("SELECT COUNT(*) AS n FROM request_events WHERE request_id = ?").bind(id).first()) as { n: number })
    .n;
  return { authority, d1, events };
}
