// The local chain's only Hardhat config: `hardhat node` needs one, and the
// project compiles its contract with solc-js (scripts/chain/compile.mjs), not
// Hardhat. A reverted transaction is still mined and answers its hash (not a
// JSON-RPC error), as on a real chain, so its failed receipt can be tested.
// PAYRELAY_CHAIN_ID lets the tests run a second chain beside 31337.
module.exports = {
  networks: { hardhat: { chainId: Number(process.env.PAYRELAY_CHAIN_ID || 31337), throwOnTransactionFailures: false } },
};
