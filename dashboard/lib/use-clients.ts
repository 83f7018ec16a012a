import { api } from "./api";
import type { Client } from "./types";
import { useResource } from "./use-resource";

/**
 * The destination's client IDs, under the one key every screen shares (`clients:<destination>`): the Clients tab, the
 * audit log's filter, the requests' filter and client names, and a request's budget line load the list once between
 * them. An unclaimed destination has none (the API answers an empty list).
 */
export const useClients = (destinationId: string) =>
  useResource(`clients:${destinationId}`, () => api.get<{ data: Client[] }>(`/api/destinations/${destinationId}/clients`));

/** The destination's client names by id, for showing "Acme billing" where an API gives `cli_…`. Empty until loaded. */
export function useClientNames(destinationId: string): ReadonlyMap<string, string> {
  return new Map((useClients(destinationId).data?.data ?? []).map((c) => [c.id, c.name]));
}
