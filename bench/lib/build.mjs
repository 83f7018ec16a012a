// Bundles the Workers the bench runs, with the esbuild options wrangler 4 uses
// for `wrangler deploy` (ESM, es2024, workerd/worker/browser conditions), so the
// code on workerd is the code a deploy would upload.
import { build } from "esbuild";
import path from "node:path";

const ENTRIES = {
  // Payrelay as deployed: wrangler.jsonc's `main`.
  app: "src/index.ts",
  // Payrelay with counted storage bindings (round trips per create).
  counted: "bench/workers/counting-entry.ts",
  // The bare floor Worker.
  floor: "bench/workers/floor-worker.ts",
};

const DEFINE = { "process.env.NODE_ENV": '"production"', "navigator.userAgent": '"Cloudflare-Workers"' };

/** esbuild options that bundle a Worker entry as wrangler would for workerd; shared by the bench and its tools. */
export const workerBuildOptions = (cwd, entry, outfile) => ({
  absWorkingDir: cwd,
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: "esm",
  target: "es2024",
  platform: "neutral",
  mainFields: ["module", "main"],
  conditions: ["workerd", "worker", "browser"],
  external: ["cloudflare:*", "node:*"],
  keepNames: true,
  logLevel: "warning",
});

/** Builds every entry into outdir/<name>.js; returns their paths. */
export async function bundleWorkers(root, outdir) {
  const out = {};
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const outfile = path.join(outdir, `${name}.js`);
    await build({ ...workerBuildOptions(root, entry, outfile), minify: false, sourcemap: false, define: DEFINE });
    out[name] = outfile;
  }
  return out;
}
