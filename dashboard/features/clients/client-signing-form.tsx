import { useId, useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { TextAreaField } from "../../components/fields";
import { ProblemAlert } from "../../components/problem-alert";
import { announce } from "../../lib/announce";
import { api } from "../../lib/api";
import { focusSoon } from "../../lib/focus";
import type { Client } from "../../lib/types";
import { invalid, useSubmit } from "../../lib/use-submit";

interface Props {
  destinationId: string;
  client: Client;
  onSaved: (client: Client) => void;
}

const show = (key: Client["signingKey"]) => (key ? JSON.stringify(key, null, 2) : "");

/**
 * A client's signing key and whether it must sign: the recipient pastes the client's public JWK.
 * Every field error on the key (`signingKey.x`, `signingKey.d`, …) is shown on the one textarea.
 */
export function ClientSigningForm({ destinationId, client, onSaved }: Props) {
  const [jwk, setJwk] = useState(show(client.signingKey));
  const [required, setRequired] = useState(client.requireSignedRequests);
  const form = useRef<HTMLFormElement>(null);
  const requiredErrorId = useId();

  const { submit, busy, problem } = useSubmit(
    form,
    async () => {
      const next = await api.patch<Client>(`/api/destinations/${destinationId}/clients/${client.id}`, {
        signingKey: jwk.trim() === "" ? null : JSON.parse(jwk),
        requireSignedRequests: required,
      });
      onSaved(next);
      setJwk(show(next.signingKey));
      announce(next.requireSignedRequests ? "Signing key saved; this client must now sign its requests." : "Signing settings saved.");
      focusSoon(() => document.getElementById("signing-title"));
    },
    () => {
      if (jwk.trim() === "") return null;
      try {
        JSON.parse(jwk);
        return null;
      } catch {
        const message = 'Paste the public key as JSON (a JWK), e.g. {"kty":"OKP","crv":"Ed25519","x":"…"}.';
        return invalid(message, "signingKey", message);
      }
    },
  );
  const keyErrors = (problem?.errors ?? []).filter((e) => e.path === "signingKey" || e.path.startsWith("signingKey."));
  const requiredError = problem?.errors?.find((e) => e.path === "requireSignedRequests")?.message;

  return (
    <form class="card card-pad form" onSubmit={submit} noValidate ref={form} aria-labelledby="signing-title">
      <h2 id="signing-title" tabIndex={-1}>
        Signed requests
      </h2>
      <p class="muted">
        With the client's public key here, Payrelay checks the RFC 9421 signature its requests carry and keeps it with each request it
        creates: proof, that anyone can check with this key, that this client asked for exactly that request. The private key stays with the
        client; never paste it here.
      </p>
      <ProblemAlert problem={problem} shownFields={[...keyErrors.map((e) => e.path), "requireSignedRequests"]} />
      <TextAreaField
        label="Public signing key (JWK)"
        optional
        rows={5}
        value={jwk}
        onValue={setJwk}
        placeholder='{"kty":"OKP","crv":"Ed25519","x":"…"}'
        error={keyErrors.map((e) => e.message).join(" ") || undefined}
        hint="An Ed25519 or P-256 public key as JSON. Leave empty to remove it."
      />
      <div class={`field${requiredError ? " has-error" : ""}`}>
        <label class="check">
          <input
            type="checkbox"
            id="require-signed"
            checked={required}
            onChange={(e) => setRequired(e.currentTarget.checked)}
            aria-invalid={requiredError ? "true" : undefined}
            aria-describedby={requiredError ? requiredErrorId : undefined}
          />
          <span>
            Require signed requests
            <span class="check-hint">
              Every create, payment link, cancel or other POST from this client, over the API or MCP, must then be signed with the private
              key; unsigned or wrongly signed ones are refused (401) and change nothing.
            </span>
          </span>
        </label>
        {requiredError && (
          <p id={requiredErrorId} class="field-error">
            {requiredError}
          </p>
        )}
      </div>
      <div class="form-actions">
        <BusyButton type="submit" class="btn btn-primary" busy={busy} busyText="Saving…">
          Save signing settings
        </BusyButton>
      </div>
    </form>
  );
}
