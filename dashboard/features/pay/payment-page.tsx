import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { LiveRegion } from "../../components/live-region";
import { statusLabel } from "../../components/status-badge";
import { announce } from "../../lib/announce";
import { ProblemResponse, api, toProblem } from "../../lib/api";
import { focusSoon } from "../../lib/focus";
import { formatAmount } from "../../lib/format";
import { PAYABLE, amountDueOf, type PayLink } from "../../lib/pay-link";
import { useLinkPoll } from "../../lib/use-link-poll";
import { useNow } from "../../lib/use-now";
import { useTitle } from "../../lib/use-title";
import { PayActions } from "./pay-actions";
import { PAY_STATUS_ID, PayStatus } from "./pay-status";
import { PayeeLine, PaymentDetails } from "./payment-details";

type State =
  | { kind: "loading" }
  | { kind: "ready"; link: PayLink }
  | { kind: "expired"; displayName: string | null }
  | { kind: "missing" }
  | { kind: "error"; detail: string };

/** An expired link's 410 names who asked (`payee`, API v1.2), so the payer knows whom to ask for a new link. */
const payeeOf = (error: ProblemResponse): string | null => {
  const payee = (error.problem as { payee?: { displayName?: unknown } }).payee;
  return typeof payee?.displayName === "string" ? payee.displayName : null;
};

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
      <p class="pay-footer">
        Payrelay never asks for your private key or recovery phrase. Your wallet shows what it sends before you confirm.
      </p>
      <LiveRegion />
    </main>
  );
}

function Notice({ title, children, displayName }: { title: string; children: string; displayName?: string | null }) {
  return (
    <div class="pay-notice">
      {displayName !== undefined && <PayeeLine displayName={displayName} />}
      <h1>{title}</h1>
      <p>{children}</p>
    </div>
  );
}

function stateMessage(link: PayLink): string {
  if (link.status === "partially_paid") return `Partially paid. ${formatAmount(amountDueOf(link))} ${link.pay.tokenSymbol} left to pay.`;
  return `Payment status: ${statusLabel(link.status)}.`;
}

/** The public page a payer opens from a payment link: what to pay, how, and what their payment is doing. */
export function PaymentPage() {
  const token = location.pathname.split("/")[2] ?? "";
  const [state, setState] = useState<State>({ kind: "loading" });
  const now = useNow(1000);
  const link = state.kind === "ready" ? state.link : null;
  const shown = useRef<string | null>(null);
  // The same figure as the page shows: "Pay 12.50 USDC", not the token's 12.500000, and in the token sent.
  useTitle(
    link
      ? `Pay ${formatAmount(PAYABLE.includes(link.status) ? amountDueOf(link) : link.pay.amount)} ${link.pay.tokenSymbol}`
      : "Payment request",
  );

  useEffect(() => {
    api.get<PayLink>(`/api/public/payment-links/${encodeURIComponent(token)}`).then(
      (next) => setState({ kind: "ready", link: next }),
      (error: unknown) => {
        if (error instanceof ProblemResponse && error.status === 410) setState({ kind: "expired", displayName: payeeOf(error) });
        // 400 means the token is not even well-formed: to a payer, that is the same as unknown.
        else if (error instanceof ProblemResponse && (error.status === 404 || error.status === 400)) setState({ kind: "missing" });
        else setState({ kind: "error", detail: toProblem(error).detail });
      },
    );
  }, [token]);

  // Every change of state (the payer's action or a poll) is announced once; the first load is not news.
  const key = link ? `${link.status}:${link.amountPaid}:${link.payments.length}` : null;
  useEffect(() => {
    if (!link || !key) return;
    if (shown.current !== null && shown.current !== key) announce(stateMessage(link));
    shown.current = key;
  }, [key]);

  const update = (next: PayLink) => setState({ kind: "ready", link: next });
  useLinkPoll(token, link, update);

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
        <Notice title="Payment link not found" displayName={null}>
          Check that you opened the whole link. If it still fails, ask whoever sent it for a new one.
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
  const left = link ? Date.parse(link.expiresAt) - now : 0;
  // A link past its time still shows a payment already made; only an unpaid one turns into "expired".
  const settled = link !== null && !PAYABLE.includes(link.status);
  if (!link || (left <= 0 && !settled && link.payments.length === 0)) {
    const displayName = link ? link.payee.displayName : state.kind === "expired" ? state.displayName : null;
    return (
      <PayFrame>
        <Notice title="This payment link has expired" displayName={displayName}>
          {`Do not send money to it. Ask ${displayName ?? "the sender"} for a new payment link.`}
        </Notice>
      </PayFrame>
    );
  }
  const submitted = (next: PayLink) => {
    update(next);
    focusSoon(() => document.getElementById(PAY_STATUS_ID));
  };
  const showStatus = link.status !== "pending" || link.payments.length > 0;
  return (
    <PayFrame>
      {/* Status first (what the money is doing), then the numbered steps to pay; the interop address for tools last. */}
      <PaymentDetails link={link} msLeft={left}>
        {showStatus && <PayStatus link={link} />}
        {PAYABLE.includes(link.status) && left > 0 && <PayActions link={link} token={token} onPaid={submitted} />}
      </PaymentDetails>
    </PayFrame>
  );
}
