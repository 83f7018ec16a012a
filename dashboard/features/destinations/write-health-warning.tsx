import { api } from "../../lib/api";
import { formatRelative } from "../../lib/format";
import type { Destination } from "../../lib/types";
import { useResource } from "../../lib/use-resource";

interface Health {
  pendingWrites: number;
  oldestPendingAt: string | null;
  failedWrites: number;
}

/** Lag a person should know about: a minute behind is more than a blip (a write normally lands before its answer). */
const STALE_MS = 60_000;

/**
 * Warns when changes the destination's authority accepted have not reached the
 * lists and pages yet (GET …/health): some wait for storage, or keep failing.
 * Nothing is lost either way; the warning says so, and what to expect.
 */
export function WriteHealthWarning({ destination }: { destination: Destination }) {
  const health = useResource(`destination-health:${destination.id}`, () => api.get<Health>(`/api/destinations/${destination.id}/health`));
  const h = health.data;
  if (!h) return null;
  const stale = h.oldestPendingAt !== null && Date.now() - Date.parse(h.oldestPendingAt) > STALE_MS;
  if (h.failedWrites === 0 && !stale) return null;
  return (
    <div class="alert alert-warning" role="status">
      <p class="alert-title">Some changes are not showing yet</p>
      <p>
        {h.failedWrites > 0
          ? `${h.failedWrites} ${h.failedWrites === 1 ? "change has" : "changes have"} failed to save to the request lists many times. `
          : ""}
        {h.pendingWrites > 0 ? `${h.pendingWrites} ${h.pendingWrites === 1 ? "change is" : "changes are"} waiting to be saved. ` : ""}
        {h.oldestPendingAt ? `The oldest was made ${formatRelative(h.oldestPendingAt)}. ` : ""}
        Nothing is lost: Payrelay keeps retrying on its own, and webhooks already went out. Lists and request pages may show an older status
        until then.
      </p>
    </div>
  );
}
