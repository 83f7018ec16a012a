// What scripts/chain/vitest-global-setup.mjs provides to vitest.config.ts and the tests.
declare module "vitest" {
  export interface ProvidedContext {
    /** CHAIN_RPC_URLS for the run's local chain: {"31337":"http://127.0.0.1:<port>"}. */
    chainRpcUrls: string;
    /** The Demo USD token contract on it (6 decimals, minted to the first ten accounts). */
    demoToken: string;
    /** PAYMENT_PROXIES: the fee proxy (contracts/FeeProxy.sol) each chain deployed. */
    paymentProxies: string;
  }
}
export {};
