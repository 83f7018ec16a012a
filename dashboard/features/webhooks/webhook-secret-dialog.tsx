import { useState } from "preact/hooks";
import { Dialog } from "../../components/dialog";
import { WebhookSecretReveal } from "./webhook-secret-reveal";

interface Props {
  title: string;
  secret: string;
  rotated: boolean;
  onDone: () => void;
  returnFocus?: () => HTMLElement | null | undefined;
}

/** The shown-once secret in its own dialog: Escape or × asks first, since closing loses the secret for good. */
export function WebhookSecretDialog({ title, secret, rotated, onDone, returnFocus }: Props) {
  const [confirming, setConfirming] = useState(false);
  return (
    <Dialog title={title} onClose={() => setConfirming((c) => !c)} returnFocus={returnFocus}>
      <WebhookSecretReveal secret={secret} rotated={rotated} onDone={onDone} confirming={confirming} onKeep={() => setConfirming(false)} />
    </Dialog>
  );
}
