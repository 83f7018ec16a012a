import { paymentReference } from "./payment-reference";
import { decodeProxyLog, proxiesOf, proxyReferenceTopic, type ProxyEnv, type ProxyPayment } from "./proxies";
import type { RpcLog } from "./transfer-log";

/**
 * The proxy payments in a transaction's logs that pay `wallet` in `token`:
 * what ties a Transfer made by a proxy to a request (submission and detection alike).
 */
export function proxyPaymentsIn(env: ProxyEnv, chainId: number, logs: readonly RpcLog[], token: string, wallet: string): ProxyPayment[] {
  const proxies = proxiesOf(env, chainId);
  if (proxies.length === 0) return [];
  const t = token.toLowerCase();
  const w = wallet.toLowerCase();
  return logs.map((l) => decodeProxyLog(l, proxies)).filter((p): p is ProxyPayment => p !== null && p.token === t && p.to === w);
}

/** Whether one of `payments` carries `requestId`'s payment reference. */
export const carriesReference = (payments: readonly ProxyPayment[], requestId: string): boolean => {
  const topic = proxyReferenceTopic(paymentReference(requestId));
  return payments.some((p) => p.referenceTopic === topic);
};
