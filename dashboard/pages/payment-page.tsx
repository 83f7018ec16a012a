import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ProblemResponse, api, toProblem } from "../lib/api";
import { formatAmount } from "../lib/format";
import type { PublicPaymentLink } from "../lib/types";
import { useNow } from "../lib/use-now";
import { useTitle } from "../lib/use-title";
import { PaymentDetails } from "./payment-details";

type State =
  | { kind: "loading" }
  | { kind: "ready"; link: PublicPaymentLink }
  | { kind: "expired" }
  | { kind: "missing" }
  | { kind: "error"; detail: string };

function PayFrame({ children }: { children: ComponentChildren }) {
  return (
    <main class="pay" id="main">
      <div class="pay-card">
        <p class="pay-brand">
          <span class="brand-mark" aria-hidden="true" />
          Payrelay
        </p>
        {children}
      </div>
      <p class="pay-footer">Payrelay never asks you to connect a wallet or share a private key on this page.</p>
    </main>
  );
}

function Notice({ title, children }: { title: string; children: string }) {
  return (
    <div class="pay-notice">
      <h1>{title}</h1>
      <p>{children}</p>
    </div>
  );
}

/** The public page a payer opens from a payment link: what to pay, where, and until when. */
export function PaymentPage() {
  const token = location.pathname.split("/")[2] ?? "";
  const [state, setState] = useState<State>({ kind: "loading" });
  const now = useNow(1000);
  // The same figure as the page shows: "Pay 12.50 USDC", not the token's 12.500000, and in the token sent.
  useTitle(state.kind === "ready" ? `Pay ${formatAmount(state.link.pay.amount)} ${state.link.pay.tokenSymbol}` : "Payment request");

  useEffect(() => {
    api.get<PublicPaymentLink>(`/api/public/payment-links/${encodeURIComponent(token)}`).then(
      (link) => setState({ kind: "ready", link }),
      (error: unknown) => {
        if (error instanceof ProblemResponse && error.status === 410) setState({ kind: "expired" });
        // 400 means the token is not even well-formed: to a payer, that is the same as unknown.
        else if (error instanceof ProblemResponse && (error.status === 404 || error.status === 400)) setState({ kind: "missing" });
        else setState({ kind: "error", detail: toProblem(error).detail });
      },
    );
  }, [token]);

  if (state.kind === "loading") {
    return (
      <PayFrame>
        <p class="loading">Loading payment request…</p>
      </PayFrame>
    );
  }
  if (state.kind === "missing") {
    return (
      <PayFrame>
        <Notice title="Payment link not found">
          Check that you opened the whole link. If it still fails, ask the sender for a new one.
        </Notice>
      </PayFrame>
    );
  }
  if (state.kind === "error") {
    return (
      <PayFrame>
        <Notice title="Something went wrong">{state.detail}</Notice>
      </PayFrame>
    );
  }
  const left = state.kind === "ready" ? Date.parse(state.link.expiresAt) - now : 0;
  if (state.kind === "expired" || left <= 0) {
    return (
      <PayFrame>
        <Notice title="This payment link has expired">Do not send money to it. Ask the sender for a new payment link.</Notice>
      </PayFrame>
    );
  }
  return (
    <PayFrame>
      <PaymentDetails link={state.link} msLeft={left} />
    </PayFrame>
  );
}
