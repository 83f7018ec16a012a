import { outgoing } from "../helpers/api";
import { harness } from "../helpers/harness";

/** An outgoing request the budget can count: USD is the peg of the destination's USDC, paid to a wallet. */
export const payout = (amount: string, extra: Record<string, unknown> = {}) =>
  outgoing({ amount, currency: "USD", payee: { name: "Ada", walletAddress: "0x" + "3".repeat(40) }, ...extra });

/** The harness with a client created with `limits` (and `permissions`), and the calls the limits tests make of it. */
export async function limitedClient(limits: Record<string, unknown>, permissions?: string[]) {
  const h = await harness({ limits, ...(permissions ? { permissions } : {}) });
  const clientPath = `/api/destinations/${h.dst}/clients/${h.shop.id}`;
  return {
    ...h,
    client: h.shop.client,
    orchestrator: h.shop.orchestrator,
    create: (body: unknown, headers: Record<string, string> = {}) => h.create(body, { headers }),
    view: async () => (await h.r.api(`/api/destinations/${h.dst}/clients`)).json.data.find((c: { id: string }) => c.id === h.shop.id),
    patch: (patch: Record<string, unknown>) => h.r.api(clientPath, { method: "PATCH", body: { limits: patch } }),
  };
}
