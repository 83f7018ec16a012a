import { api } from "./api";
import type { Client } from "./types";
import { useResource } from "./use-resource";

/** The destination's client names by id, for showing "Acme billing" where an API gives `cli_…`. Empty until loaded. */
export function useClientNames(destinationId: string): ReadonlyMap<string, string> {
  const res = useResource(`client-names:${destinationId}`, () => api.get<{ data: Client[] }>(`/api/destinations/${destinationId}/clients`));
  return new Map((res.data?.data ?? []).map((c) => [c.id, c.name]));
}
