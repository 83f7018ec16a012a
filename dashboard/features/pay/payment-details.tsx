import type { ComponentChildren } from "preact";
import { MonoValue } from "../../components/mono-value";
import { chainName } from "../../lib/chains";
import { formatAmount, formatCountdown, formatDateTime } from "../../lib/format";
import { PAYABLE, amountDueOf, type PayLink } from "../../lib/pay-link";

type Props = { link: PayLink; msLeft: number; children?: ComponentChildren };

/** "Payment request from Acme Ltd": who asks, on every state of the page; "Payment request" until the recipient names itself. */
export function PayeeLine({ displayName }: { displayName: string | null | undefined }) {
  return (
    <p class="pay-to" data-testid="payee">
      {displayName ? (
        <>
          Payment request from <strong>{displayName}</strong>
        </>
      ) : (
        "Payment request"
      )}
    </p>
  );
}

/**
 * The headline (what is due now), who asks, the reference and time left; then
 * the payment's state and the steps to pay (`children`); the combined interop
 * address last, for payment tools that read it.
 */
export function PaymentDetails({ link, msLeft, children }: Props) {
  const open = PAYABLE.includes(link.status) && msLeft > 0;
  const symbol = link.pay.tokenSymbol;
  // The headline is what is still due while it can be paid (after a part payment, the rest); once closed, what was asked.
  const headline = PAYABLE.includes(link.status) ? amountDueOf(link) : link.pay.amount;
  const converted = link.currency !== symbol;
  return (
    <>
      <PayeeLine displayName={link.payee.displayName} />
      <h1 class="pay-amount" data-testid="pay-amount">
        {formatAmount(headline)} <span class="currency">{symbol}</span>
      </h1>
      {link.status === "partially_paid" && (
        <p class="pay-requested" data-testid="pay-progress">
          Still due, of {formatAmount(link.pay.amount)} {symbol} requested.
        </p>
      )}
      {converted && (
        <p class="pay-requested" data-testid="requested-amount">
          The request is for {formatAmount(link.amount)} {link.currency}; you pay it in {symbol}, 1 to 1.
        </p>
      )}
      <dl class="details details-rows pay-details">
        <div>
          <dt>Reference</dt>
          <dd>{link.reference || <span class="muted">None</span>}</dd>
        </div>
        <div>
          <dt>Network</dt>
          <dd>{chainName(link.pay.chainId)}</dd>
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
        <section class="pay-address" aria-labelledby="pay-tools-title">
          <h2 id="pay-tools-title">For payment tools</h2>
          <p class="muted">
            Most wallets need only the wallet address above. Tools that read ERC-7828 interop addresses take this one, which names the
            wallet, network (chain ID {link.pay.chainId}) and token together.
          </p>
          <dl class="details details-rows">
            <div>
              <dt>Interop address</dt>
              <dd data-testid="interop-address">
                <MonoValue value={link.destination.interopAddress} label="interop address" />
              </dd>
            </div>
            <div>
              <dt>Token contract</dt>
              <dd>
                <MonoValue value={link.pay.tokenAddress} label="token contract" />
              </dd>
            </div>
          </dl>
        </section>
      )}
    </>
  );
}
