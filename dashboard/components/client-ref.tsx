import { Link } from "./link";
import { MonoValue } from "./mono-value";

interface Props {
  destinationId: string;
  clientId: string;
  names: ReadonlyMap<string, string>;
}

/** A client by its name, linked to its page; its id only while the names are unknown. */
export function ClientRef({ destinationId, clientId, names }: Props) {
  const name = names.get(clientId);
  if (!name) return <MonoValue value={clientId} label="client ID" truncate />;
  return (
    <Link href={`/destinations/${destinationId}/clients/${clientId}`} class="client-ref">
      {name}
    </Link>
  );
}
