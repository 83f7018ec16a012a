import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ProblemAlert } from "../../components/problem-alert";
import { StatusBadge } from "../../components/status-badge";
import { api, toProblem } from "../../lib/api";
import type { Problem } from "../../lib/types";
import { useResource } from "../../lib/use-resource";
import type { CreatedWebhookEndpoint, DeliveryPage, WebhookEndpoint } from "../../lib/webhook-types";
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
  // Deleting and rotating cannot be undone: each asks first, in the Revoke dialog's pattern.
  const [asking, setAsking] = useState<"delete" | "rotate" | null>(null);
  const rotateButton = useRef<HTMLButtonElement>(null);
  // Deleted: this card is gone, so the confirmation hands focus to the section's heading.
  const gone = useRef(false);

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
  // Run inside the confirmation, which shows a refusal itself and stays open.
  const rotate = async () => {
    const rotated = await api.post<CreatedWebhookEndpoint>(`${base}/rotate-secret`);
    setAsking(null);
    setSecret(rotated.secret);
    announce("Secret rotated. The previous secret keeps signing for 24 hours.");
  };
  const remove = async () => {
    await api.delete(base);
    gone.current = true;
    setAsking(null);
    onDeleted(endpoint);
    announce(`Endpoint ${endpoint.url} deleted.`);
  };
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
          <div class="form-actions">
            {/* Busy buttons stay focusable (aria-disabled): a disabled one would drop focus to <body>. */}
            <BusyButton class="btn btn-secondary" onClick={sendTest} busy={busy === "test"} unavailable={busy !== null}>
              Send test event
            </BusyButton>
            <button type="button" class="btn btn-secondary" ref={rotateButton} onClick={() => setAsking("rotate")}>
              Rotate secret…
            </button>
            <button type="button" class="btn btn-danger-ghost" onClick={() => setAsking("delete")}>
              Delete…
            </button>
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
      {asking === "delete" && (
        <ConfirmDialog
          title={`Delete the endpoint ${endpoint.url}?`}
          keepLabel="Keep the endpoint"
          confirmLabel="Delete endpoint"
          busyText="Deleting…"
          onConfirm={remove}
          onClose={() => setAsking(null)}
          returnFocus={() => (gone.current ? document.getElementById("webhooks-title") : null)}
        >
          <p>This cannot be undone. From now on:</p>
          <ul class="consequences">
            <li>
              <strong>No more events are sent to it</strong>, and deliveries waiting for a retry are dropped.
            </li>
            <li>
              <strong>Its delivery history is deleted.</strong>
            </li>
            <li>
              <strong>Adding the URL again</strong> gives it a new signing secret to set up on your server.
            </li>
          </ul>
        </ConfirmDialog>
      )}
      {asking === "rotate" && (
        <ConfirmDialog
          title={`Rotate the signing secret of ${endpoint.url}?`}
          keepLabel="Keep the current secret"
          confirmLabel="Rotate secret"
          busyText="Rotating…"
          onConfirm={rotate}
          onClose={() => setAsking(null)}
        >
          <p>A new signing secret is issued at once and shown once. Then:</p>
          <ul class="consequences">
            <li>
              <strong>For 24 hours both secrets sign</strong> every delivery, so your server keeps verifying while you switch.
            </li>
            <li>
              <strong>After that only the new one signs</strong>: a server still on the old secret rejects every event.
            </li>
          </ul>
        </ConfirmDialog>
      )}
      {secret && (
        // On close focus returns to "Rotate secret…", where the rotation started.
        <WebhookSecretDialog
          title="Copy the new signing secret now"
          secret={secret}
          rotated
          onDone={() => setSecret(null)}
          returnFocus={() => rotateButton.current}
        />
      )}
    </article>
  );
}
