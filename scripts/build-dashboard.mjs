// Bundles dashboard/ (TypeScript + Preact) into dist/dashboard/, the Workers assets
// directory: hashed JS/CSS under /assets/, index.html, and _headers with the security
// headers every asset is served with. Prints the gzipped JS size and the pay page's whole
// download, and fails when either is above its budget.
import { build } from "esbuild";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
const src = join(root, "dashboard");
const out = join(root, "dist", "dashboard");
const JS_BUDGET_GZIP = 60 * 1024;
// Payers open /pay/… on a phone, often once: everything that page downloads (JS chunks and the stylesheet), gzipped.
const PAY_BUDGET_GZIP = 25 * 1024;

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

const HEADERS = `/*
  Content-Security-Policy: ${CSP}
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
  X-Frame-Options: DENY
  Strict-Transport-Security: max-age=63072000; includeSubDomains
  Cross-Origin-Opener-Policy: same-origin
  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=()

/assets/*
  Cache-Control: public, max-age=31536000, immutable
`;

// `wrangler dev` rebuilds while serving this directory, so never empty it: new hashed
// files land beside the old ones, index.html is swapped in by rename, stale files go last.
await mkdir(join(out, "assets"), { recursive: true });

async function writeAtomic(file, data) {
  await writeFile(`${file}.tmp`, data);
  await rename(`${file}.tmp`, file);
}

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: join(src, "main.tsx"), styles: join(src, "styles", "app.css") },
  outdir: join(out, "assets"),
  entryNames: "[name]-[hash]",
  chunkNames: "[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  target: ["es2022", "chrome111", "firefox111", "safari16"],
  jsx: "automatic",
  jsxImportSource: "preact",
  minify: true,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"' },
});

const outputs = Object.keys(result.metafile.outputs).map((p) => join(root, p));
const find = (prefix, ext) => {
  const file = outputs.find((p) => basename(p).startsWith(prefix) && p.endsWith(ext));
  if (!file) throw new Error(`build produced no ${prefix}*${ext}`);
  return `/${relative(out, file)}`;
};
const mainJs = find("main-", ".js");
const appCss = find("styles-", ".css");

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Payrelay</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${appCss}">
<script type="module" src="${mainJs}"></script>
</head>
<body>
<div id="app"></div>
<noscript>Payrelay needs JavaScript to run.</noscript>
</body>
</html>
`;

await writeAtomic(join(out, "_headers"), HEADERS);
await writeAtomic(join(out, "favicon.svg"), await readFile(join(src, "favicon.svg")));
await writeAtomic(join(out, "index.html"), html);

const keep = new Set(outputs.map((p) => basename(p)));
for (const name of await readdir(join(out, "assets"))) {
  if (!keep.has(name)) await rm(join(out, "assets", name), { force: true });
}
for (const name of await readdir(out)) {
  if (!["assets", "index.html", "_headers", "favicon.svg"].includes(name)) await rm(join(out, name), { recursive: true, force: true });
}

const gzipOf = new Map();
const rows = [];
for (const file of outputs.filter((p) => p.endsWith(".js") || p.endsWith(".css"))) {
  const bytes = await readFile(file);
  const gz = gzipSync(bytes, { level: 9 }).length;
  gzipOf.set(relative(root, file), gz);
  rows.push(`  ${relative(out, file).padEnd(34)} ${String(bytes.length).padStart(7)} B  ${String(gz).padStart(6)} B gzip`);
}

/** Gzipped JS a route downloads: the entry, the chunk it lazy-loads, and their static imports. */
function routeGzip(dynamicChunkPrefix) {
  const mainKey = Object.keys(result.metafile.outputs).find((k) => basename(k).startsWith("main-") && k.endsWith(".js"));
  const lazy = result.metafile.outputs[mainKey].imports.find(
    (i) => i.kind === "dynamic-import" && basename(i.path).startsWith(dynamicChunkPrefix),
  );
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of result.metafile.outputs[key].imports) if (i.kind === "import-statement") visit(i.path);
  };
  visit(mainKey);
  if (lazy) visit(lazy.path);
  return [...seen].reduce((sum, key) => sum + (gzipOf.get(key) ?? 0), 0);
}

const cssGzip = [...gzipOf].filter(([k]) => k.endsWith(".css")).reduce((sum, [, gz]) => sum + gz, 0);
const payGzip = routeGzip("payment-page-") + cssGzip;
const jsGzip = [...gzipOf].filter(([k]) => k.endsWith(".js")).reduce((sum, [, gz]) => sum + gz, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`dashboard built into ${relative(root, out)}/`);
console.log(rows.sort().join("\n"));
console.log(
  `  JS total: ${kb(jsGzip)} gzipped (budget ${kb(JS_BUDGET_GZIP)}); a payer on /pay/… loads ${kb(routeGzip("payment-page-"))}, the dashboard loads ${kb(routeGzip("app-"))}`,
);
console.log(`  pay page download (JS + CSS): ${kb(payGzip)} gzipped (budget ${kb(PAY_BUDGET_GZIP)})`);
if (jsGzip > JS_BUDGET_GZIP) {
  console.error("dashboard JS is over its gzip budget");
  process.exit(1);
}
if (payGzip > PAY_BUDGET_GZIP) {
  console.error("the pay page's download is over its gzip budget");
  process.exit(1);
}
