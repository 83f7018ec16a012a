// The OpenAPI document exactly as the Worker serves it at /openapi.json, built in Node without a server:
// esbuild bundles the app (the route definitions are plain TypeScript), and the app answers one in-memory request.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The only workerd-only import on the app's graph is the Durable Object base class; documenting routes never runs it. */
const workerdShim = {
  name: "workerd-shim",
  setup(b) {
    b.onResolve({ filter: /^cloudflare:/ }, (args) => ({ path: args.path, namespace: "workerd-shim" }));
    b.onLoad({ filter: /.*/, namespace: "workerd-shim" }, () => ({ contents: "export class DurableObject {}", loader: "js" }));
  },
};

/** @returns {Promise<Record<string, unknown>>} */
export async function buildDocument() {
  const out = await build({
    stdin: { contents: 'export { createApp } from "./src/http/app.ts";', resolveDir: root, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    write: false,
    logLevel: "silent",
    plugins: [workerdShim],
  });
  const { createApp } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`);
  const res = await createApp().request("/openapi.json", {}, {});
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}: ${await res.text()}`);
  return res.json();
}
