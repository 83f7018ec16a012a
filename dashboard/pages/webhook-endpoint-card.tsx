import { useEffect, useRef, useState } from "preact/hooks";
import { BusyButton } from "../components/busy-button";
import { ProblemAlert } from "../components/problem-alert";
import { StatusBadge } from "../components/status-badge";
import { api, toProblem } from "../lib/api";
import type { Problem } from "../lib/types";
import { useResource } from "../lib/use-resource";
import type { CreatedWebhookEndpoint, DeliveryPage, WebhookEndpoint } from "../lib/webhook-types";
import { WebhookDeliveriesTable } from "./webhook-deliveries-table";
import { WebhookSecretDialog } from "./webhook-secret-dialog";

interface Props {
  destinationId: string;
  /** An admin or owner: test, rotate, delete and retry; a viewer sees the endpoint and its deliveries only. */
  canManage: boolean;
  endpoint: WebhookEndpoint;
  announce: (message: string) => void;
  onDeleted: (endpoint: WebhookEndpoint) => void;
}

/** One endpoint: its status (and why it was disabled), its deliveries, and what the recipient can do about them. */
export function WebhookEndpointCard({ destinationId, endpoint, canManage, announce, onDeleted }: Props) {
  const base = `/api/destinations/${destinationId}/webhook-endpoints/${endpoint.id}`;
  const deliveries = useResource(`deliveries:${endpoint.id}`, () => api.get<DeliveryPage>(`${base}/deliveries`));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const actions = useRef<HTMLDivElement>(null);
  // "Delete" turns into "Confirm delete" under the keyboard user's focus: follow it, never drop to <body>.
  useEffect(() => {
    if (confirmDelete) actions.current?.querySelector<HTMLElement>("[data-confirm-delete]")?.focus();
  }, [confirmDelete]);

  const act = async (key: string, run: () => Promise<string>) => {
    setBusy(key);
    setProblem(null);
    try {
      announce(await run());
    } catch (error) {
      setProblem(toProblem(error));
    }
    setBusy(null);
  };

  const sendTest = () =>
    act("test", async () => {
      await api.post(`${base}/test`);
      // The queue delivers within a second or two; show the attempt when it is there.
      setTimeout(deliveries.reload, 2500);
      return "Test event queued.";
    });
  const rotate = () =>
    act("rotate", async () => {
      setSecret((await api.post<CreatedWebhookEndpoint>(`${base}/rotate-secret`)).secret);
      return "Secret rotated. The previous secret keeps signing for 24 hours.";
    });
  const remove = () =>
    act("delete", async () => {
      await api.delete(base);
      onDeleted(endpoint);
      return `Endpoint ${endpoint.url} deleted.`;
    });
  const retry = (deliveryId: string) =>
    act(deliveryId, async () => {
      await api.post(`${base}/deliveries/${deliveryId}/retry`);
      setTimeout(deliveries.reload, 2500);
      return "Delivery queued again.";
    });

  return (
    <article class="card webhook-endpoint" aria-labelledby={`endpoint-${endpoint.id}`} data-endpoint-id={endpoint.id}>
      <div class="section-header">
        <div>
          <h3 id={`endpoint-${endpoint.id}`} tabIndex={-1} class="mono">
            {endpoint.url}
          </h3>
          <p>
            <StatusBadge status={endpoint.status} />{" "}
            <span class="muted">{endpoint.events.length === 0 ? "All events" : endpoint.events.join(", ")}</span>
          </p>
          {endpoint.disabledReason && (
            <p class="field-error" data-testid="disabled-reason">
              Disabled: {endpoint.disabledReason} Payrelay no longer sends to it; delete it and add it again once it works.
            </p>
          )}
        </div>
        {canManage && (
          <div class="form-actions" ref={actions}>
            {/* Busy buttons stay focusable (aria-disabled): a disabled one would drop focus to <body>. */}
            <BusyButton class="btn btn-secondary" onClick={sendTest} busy={busy === "test"} unavailable={busy !== null}>
              Send test event
            </BusyButton>
            <BusyButton class="btn btn-secondary" onClick={rotate} busy={busy === "rotate"} unavailable={busy !== null}>
              Rotate secret
            </BusyButton>
            {confirmDelete ? (
              <BusyButton class="btn btn-danger" data-confirm-delete onClick={remove} busy={busy === "delete"} unavailable={busy !== null}>
                Confirm delete
              </BusyButton>
            ) : (
              <button type="button" class="btn btn-secondary" onClick={() => setConfirmDelete(true)}>
                Delete
              </button>
            )}
          </div>
        )}
      </div>
      <ProblemAlert problem={problem ?? deliveries.problem} />
      <div class="section-header">
        <h4>Recent deliveries</h4>
        <button type="button" class="btn btn-secondary btn-small" onClick={deliveries.reload}>
          Refresh<span class="visually-hidden"> deliveries</span>
        </button>
      </div>
      {deliveries.loading && !deliveries.data ? (
        <p class="loading">Loading deliveries…</p>
      ) : (
        <WebhookDeliveriesTable
          deliveries={deliveries.data?.data ?? []}
          endpointUrl={endpoint.url}
          busyId={busy}
          onRetry={canManage ? (d) => retry(d.id) : undefined}
        />
      )}
      {secret && (
        // On close focus returns to "Rotate secret", which opened it and is still there.
        <WebhookSecretDialog title="Copy the new signing secret now" secret={secret} rotated onDone={() => setSecret(null)} />
      )}
    </article>
  );
}
