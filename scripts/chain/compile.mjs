// Compiles contracts/DemoUSD.sol with solc-js (the `solc` npm package: wasm,
// offline) into scripts/chain/demo-usd.json, the committed artifact the local
// chain deploys, so that nothing compiles at run time.
// `node scripts/chain/compile.mjs --check` fails when the artifact is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import solc from "solc";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SOURCE = "contracts/DemoUSD.sol";
const ARTIFACT = `${root}scripts/chain/demo-usd.json`;

/** @returns {{ contractName: string, compiler: string, abi: unknown[], bytecode: string }} */
export function compileDemoUsd() {
  const input = {
    language: "Solidity",
    sources: { [SOURCE]: { content: readFileSync(root + SOURCE, "utf8") } },
    settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { "*": { DemoUSD: ["abi", "evm.bytecode.object"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const contract = output.contracts[SOURCE].DemoUSD;
  return { contractName: "DemoUSD", compiler: solc.version(), abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fresh = `${JSON.stringify(compileDemoUsd(), null, 2)}\n`;
  if (process.argv.includes("--check")) {
    if (readFileSync(ARTIFACT, "utf8") !== fresh) {
      console.error(`${ARTIFACT} does not match ${SOURCE}: run node scripts/chain/compile.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(ARTIFACT, fresh);
    console.log(`wrote ${ARTIFACT}`);
  }
}
