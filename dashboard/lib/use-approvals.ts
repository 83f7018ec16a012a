import { api } from "./api";
import type { Page, PaymentRequest } from "./types";
import { useResource } from "./use-resource";

/** What the count reads at most: one page of the list the count links to. */
export const APPROVAL_PAGE = 100;

/**
 * How many outgoing requests of a claimed destination wait for the recipient's
 * approval: one page of the filtered list ("100+" beyond it), null while unknown.
 */
export function useApprovalCount(destinationId: string, claimed: boolean): string | null {
  const url = `/api/destinations/${destinationId}/requests?direction=outgoing&status=pending_approval&limit=${APPROVAL_PAGE}`;
  const res = useResource(`approvals:${url}:${claimed}`, () =>
    claimed ? api.get<Page<PaymentRequest>>(url) : Promise.resolve({ data: [], nextCursor: null }),
  );
  if (!res.data) return null;
  return res.data.nextCursor ? `${APPROVAL_PAGE}+` : String(res.data.data.length);
}

/** The Requests tab filtered to what waits on the recipient. */
export const approvalsHref = (destinationId: string) =>
  `/destinations/${destinationId}/requests?direction=outgoing&status=pending_approval`;
