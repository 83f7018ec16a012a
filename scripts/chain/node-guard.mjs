// Runs `hardhat node` and ends it when the parent goes away (exited, crashed
// or was killed with SIGKILL, when no exit handler runs): once this process is
// re-parented the node stops, so no chain outlives the script that started it.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const [port, chainId] = process.argv.slice(2);
const node = spawn(
  `${root}node_modules/.bin/hardhat`,
  ["--config", "scripts/chain/hardhat.config.cjs", "node", "--hostname", "127.0.0.1", "--port", port],
  {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: "true", PAYRELAY_CHAIN_ID: chainId },
  },
);
const stop = () => node.kill("SIGTERM");
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop(), 500).unref();
process.on("SIGTERM", stop).on("SIGINT", stop);
node.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
