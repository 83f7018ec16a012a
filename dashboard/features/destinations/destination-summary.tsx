import { MonoValue } from "../../components/mono-value";
import { StatusBadge } from "../../components/status-badge";
import { chainName } from "../../lib/chains";
import { destinationName } from "../../lib/destination-name";
import { formatDateTime } from "../../lib/format";
import type { Destination } from "../../lib/types";
import { DisplayNameForm } from "./display-name-form";

/** The heading block of a destination: name, status and where the money goes. */
export function DestinationSummary({ destination: d, onChange }: { destination: Destination; onChange: (next: Destination) => void }) {
  return (
    <section class="card card-pad summary" aria-labelledby="destination-title">
      <div class="summary-title">
        <h1 id="destination-title">{destinationName(d)}</h1>
        <StatusBadge status={d.status} />
      </div>
      <dl class="details">
        <div>
          <dt>Interop address</dt>
          <dd>
            <MonoValue value={d.interopAddress} label="interop address" />
          </dd>
        </div>
        <div>
          <dt>Network</dt>
          <dd>
            {chainName(d.chainId)} <span class="muted">· chain ID {d.chainId}</span>
          </dd>
        </div>
        <div>
          <dt>Wallet</dt>
          <dd>
            <MonoValue value={d.walletAddress} label="wallet address" truncate />
          </dd>
        </div>
        <div>
          <dt>Token</dt>
          <dd>
            <MonoValue value={d.tokenAddress} label="token address" truncate />
          </dd>
        </div>
        <div>
          <dt>{d.claimedAt ? "Claimed" : "Created"}</dt>
          <dd>{formatDateTime(d.claimedAt ?? d.createdAt)}</dd>
        </div>
      </dl>
      <DisplayNameForm destination={d} onSaved={onChange} />
    </section>
  );
}
