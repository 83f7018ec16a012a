// Compiles src/ into dist/ (ESM + .d.ts) with the repository's TypeScript, and copies the generated
// schema.d.ts beside the output: tsc emits declarations for .ts files only, and index.d.ts imports it.
import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
rmSync(`${here}dist`, { recursive: true, force: true });
execFileSync(process.execPath, [createRequire(import.meta.url).resolve("typescript/bin/tsc"), "-p", `${here}tsconfig.json`], {
  stdio: "inherit",
});
copyFileSync(`${here}src/schema.d.ts`, `${here}dist/schema.d.ts`);
