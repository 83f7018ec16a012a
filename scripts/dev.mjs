// `npm run dev`: migrate local D1, start `wrangler dev` (which builds the
// dashboard), seed a demo recipient, destination and client, print them.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seedDemo } from "./lib/demo-seed.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = Number(process.env.PORT ?? 8787);
const base = `http://127.0.0.1:${port}`;
const wrangler = `${root}node_modules/.bin/wrangler`;

const migrate = spawnSync(wrangler, ["d1", "migrations", "apply", "DB", "--local"], { cwd: root, stdio: "inherit", env: { ...process.env, CI: "1" } });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

// A local key sealing webhook secrets, made once. WEBHOOK_ALLOW_LOCAL goes on the command line: with
// `secrets.required` in wrangler.jsonc, wrangler reads only the listed names from .dev.vars.
if (!existsSync(`${root}.dev.vars`)) writeFileSync(`${root}.dev.vars`, `WEBHOOK_SECRET_KEY=${randomBytes(32).toString("base64")}\n`);
const dev = spawn(wrangler, ["dev", "--ip", "127.0.0.1", "--port", String(port), "--var", "WEBHOOK_ALLOW_LOCAL:true"], { cwd: root, stdio: "inherit", detached: true });
const stop = () => {
  try { process.kill(-dev.pid, "SIGTERM"); } catch { /* already gone */ }
};
process.on("SIGINT", () => { stop(); process.exit(130); });
process.on("SIGTERM", () => { stop(); process.exit(143); });
dev.on("exit", (code) => process.exit(code ?? 0));

async function ready(deadline) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/openapi.json`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("wrangler dev did not answer within 120 s");
}

try {
  await ready(Date.now() + 120_000);
  mkdirSync(`${root}.wrangler`, { recursive: true });
  const demo = await seedDemo(base, `${root}.wrangler/demo.json`);
  console.log(`
  Payrelay is running at ${base}

  Dashboard   ${base}/            sign in as ${demo.email} / ${demo.password}
  API docs    ${base}/docs         (OpenAPI: ${base}/openapi.json)
  Destination ${demo.destination.id}  ${demo.destination.interopAddress}
  Client secret (demo only, local state):
    ${demo.secret}

  Try:  curl -s -X POST ${base}/v1/destinations/${demo.destination.id}/requests \\
          -H "Authorization: Bearer ${demo.secret}" -H "Content-Type: application/json" \\
          -d '{"direction":"incoming","amount":"12.50","currency":"USDC","reference":"INV 1"}'

  Ctrl-C stops everything.
`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  stop();
  process.exit(1);
}
