// Compiles contracts/DemoUSD.sol and contracts/FeeProxy.sol with solc-js (the
// `solc` npm package: wasm, offline) into scripts/chain/demo-usd.json and
// fee-proxy.json, the committed artifacts the local chain deploys, so that
// nothing compiles at run time.
// `node scripts/chain/compile.mjs --check` fails when an artifact is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import solc from "solc";

const root = fileURLToPath(new URL("../..", import.meta.url));
const CONTRACTS = [
  { source: "contracts/DemoUSD.sol", name: "DemoUSD", artifact: `${root}scripts/chain/demo-usd.json` },
  { source: "contracts/FeeProxy.sol", name: "FeeProxy", artifact: `${root}scripts/chain/fee-proxy.json` },
];

/** @returns {{ contractName: string, compiler: string, abi: unknown[], bytecode: string }} */
export function compileContract({ source: SOURCE, name }) {
  const input = {
    language: "Solidity",
    sources: { [SOURCE]: { content: readFileSync(root + SOURCE, "utf8") } },
    settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { "*": { [name]: ["abi", "evm.bytecode.object"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const contract = output.contracts[SOURCE][name];
  return { contractName: name, compiler: solc.version(), abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const contract of CONTRACTS) {
    const fresh = `${JSON.stringify(compileContract(contract), null, 2)}\n`;
    if (process.argv.includes("--check")) {
      if (readFileSync(contract.artifact, "utf8") !== fresh) {
        console.error(`${contract.artifact} does not match ${contract.source}: run node scripts/chain/compile.mjs`);
        process.exit(1);
      }
    } else {
      writeFileSync(contract.artifact, fresh);
      console.log(`wrote ${contract.artifact}`);
    }
  }
}
