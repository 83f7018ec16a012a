// Import cycles and layers in the Worker's source: fails `npm run check` when src/ has a cycle, or an
// import that points up: lib/ imports only lib/, and nothing but the entry point imports http/.
//
//   node scripts/check-cycles.mjs            # prints each cycle and each upward import; exit 1 when there is any
//
// The graph is esbuild's own (its metafile for a bundle of src/index.ts, the Worker wrangler
// deploys), so it holds the imports that exist at run time: type-only imports are erased and do
// not count. Strongly connected components (Tarjan) of the src/ files are the cycles.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const { metafile } = await build({
  entryPoints: [path.join(root, "src/index.ts")],
  bundle: true,
  write: false,
  metafile: true,
  format: "esm",
  platform: "neutral",
  conditions: ["workerd", "worker", "browser"],
  mainFields: ["module", "main"],
  external: ["cloudflare:*", "node:*"],
  logLevel: "silent",
  absWorkingDir: root,
});

const ours = (file) => file.startsWith("src/");
const graph = new Map();
for (const [file, input] of Object.entries(metafile.inputs)) {
  if (!ours(file)) continue;
  graph.set(
    file,
    input.imports.filter((i) => !i.external && ours(i.path)).map((i) => i.path),
  );
}

// Tarjan's strongly connected components.
let index = 0;
const stack = [];
const on = new Set();
const indexOf = new Map();
const low = new Map();
const cycles = [];
function visit(v) {
  indexOf.set(v, index);
  low.set(v, index);
  index++;
  stack.push(v);
  on.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!indexOf.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), indexOf.get(w)));
  }
  if (low.get(v) === indexOf.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      on.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
  }
}
for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);

// Layers, lowest first: a file may import its own layer or a lower one. The domains, the authority and db/ (the
// D1 schema the domains share, which names their statuses and permissions) are the middle layer.
const layerOf = (file) => {
  const top = file.split("/")[1];
  if (top === "lib") return 0;
  if (top === "http" || top === "index.ts") return 2;
  return 1;
};
const upward = [...graph].flatMap(([from, tos]) => tos.filter((to) => layerOf(to) > layerOf(from)).map((to) => `${from} → ${to}`));

if (cycles.length === 0 && upward.length === 0) {
  console.log(`no import cycles and no upward imports among ${graph.size} files of src/`);
} else {
  for (const c of cycles) console.error(`import cycle of ${c.length} files:\n  ${c.join("\n  ")}`);
  for (const u of upward) console.error(`import points up a layer: ${u}`);
  process.exit(1);
}
