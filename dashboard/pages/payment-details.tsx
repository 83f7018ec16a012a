import { CopyButton } from "../components/copy-button";
import { MonoValue } from "../components/mono-value";
import { chainName, parseInteropAddress } from "../lib/chains";
import { formatAmount, formatCountdown, formatDateTime } from "../lib/format";
import { PAYABLE, amountDueOf, type PayLink } from "../lib/pay-link";
import type { ComponentChildren } from "preact";

type Props = { link: PayLink; msLeft: number; children?: ComponentChildren };

/** Amount, reference, the payment's state (`children`) and, while the link is open, the exact place to send the money. */
export function PaymentDetails({ link, msLeft, children }: Props) {
  const parts = parseInteropAddress(link.destination.interopAddress);
  const open = PAYABLE.includes(link.status) && msLeft > 0;
  // The payer sends tokens: "12.50 USD" on a USDC destination is 12.500000 USDC, shown trimmed (12.50); after a part payment, what is left.
  const send = `${formatAmount(amountDueOf(link))} ${link.pay.tokenSymbol}`;
  const converted = link.currency !== link.pay.tokenSymbol;
  return (
    <>
      {/* The destination's label is the recipient's private note ("For you only"); payers see no name until there is a public one. */}
      <p class="pay-to">Payment request</p>
      <h1 class="pay-amount" data-testid="pay-amount">
        {formatAmount(link.pay.amount)} <span class="currency">{link.pay.tokenSymbol}</span>
      </h1>
      {converted && (
        <p class="pay-requested" data-testid="requested-amount">
          The request is for {formatAmount(link.amount)} {link.currency}; pay it as {send}.
        </p>
      )}
      <dl class="details details-rows pay-details">
        <div>
          <dt>Reference</dt>
          <dd>{link.reference || <span class="muted">None</span>}</dd>
        </div>
        <div>
          <dt>Network</dt>
          <dd>
            {chainName(link.pay.chainId)} <span class="muted">· chain ID {link.pay.chainId}</span>
          </dd>
        </div>
        {/* Only while it can still be paid: a countdown on a paid or cancelled request would read as a deadline still running. */}
        {PAYABLE.includes(link.status) && (
          <div>
            <dt>Time left</dt>
            <dd>
              <strong data-testid="time-left">{formatCountdown(msLeft) || "Passed"}</strong>{" "}
              <span class="muted">· until {formatDateTime(link.expiresAt)}</span>
            </dd>
          </div>
        )}
      </dl>
      {children}
      {open && (
        <section class="pay-address" aria-labelledby="pay-to-title">
          <h2 id="pay-to-title">Pay to</h2>
          <p class="muted">
            Send exactly {send} on {chainName(link.pay.chainId)} to this destination.
            {link.reference ? " Include the reference if your wallet or bank asks for one." : ""}
          </p>
          <p class="pay-address-label">Interop address</p>
          <code class="mono break-all pay-interop" data-testid="interop-address">
            {link.destination.interopAddress}
          </code>
          <CopyButton value={link.destination.interopAddress} label="interop address" text="Copy interop address" class="btn-block" />
          {parts && (
            <dl class="details details-rows">
              <div>
                <dt>Wallet</dt>
                <dd>
                  <MonoValue value={parts.wallet} label="wallet address" />
                </dd>
              </div>
              <div>
                <dt>Token contract</dt>
                <dd>
                  <MonoValue value={parts.token} label="token contract" />
                </dd>
              </div>
            </dl>
          )}
        </section>
      )}
    </>
  );
}
