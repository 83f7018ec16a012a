import { chainName } from "./chains";
import type { Destination } from "./types";

/** A destination's name in lists and headings: its label, or where it points. */
export function destinationName(d: Destination): string {
  return d.label || `${chainName(d.chainId)} wallet ${d.walletAddress.slice(0, 6)}…${d.walletAddress.slice(-4)}`;
}
