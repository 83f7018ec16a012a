import { PROBLEMS } from "../../lib/problem";

type Operation = { summary?: string; description?: string; tags?: string[]; responses?: Record<string, { description?: string }> };
type Doc = { info: { title: string; description?: string }; paths?: Record<string, Record<string, Operation>> };

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The description's lines as paragraphs, its `backticks` as code: it wraps at any width, unlike a <pre>. */
const intro = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => `<p>${esc(line).replace(/`([^`]+)`/g, "<code>$1</code>")}</p>`)
    .join("");

/**
 * A self-contained, script-free reading of the OpenAPI document: no CDN, works under a
 * strict CSP. It reflows down to 320 px: the intro wraps, long paths break inside their cards.
 */
export function renderDocs(document: unknown): string {
  const doc = document as Doc;
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const groups = new Map<string, typeof ops>();
  for (const o of ops) {
    const tag = o.op.tags?.[0] ?? "Other";
    groups.set(tag, [...(groups.get(tag) ?? []), o]);
  }
  const sections = [...groups].map(
    ([tag, list]) =>
      `<h2>${esc(tag)}</h2>${list
        .map(
          ({ path, method, op }) => `
    <section class="op"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
    <p>${esc(op.summary ?? "")}</p>${op.description ? `<p class="d">${esc(op.description)}</p>` : ""}
    <ul>${Object.entries(op.responses ?? {})
      .map(([s, r]) => `<li><b>${s}</b> ${esc(r.description ?? "")}</li>`)
      .join("")}</ul></section>`,
        )
        .join("")}`,
  );
  const problems = Object.entries(PROBLEMS)
    .map(([code, { status, title }]) => `<li id="problem-${code}"><code>${code}</code> (${status}) ${esc(title)}</li>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)}</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1f36}
code{font:13px ui-monospace,monospace;background:#f3f4f7;padding:.1rem .3rem;border-radius:4px}
p code,h3 code,li code{overflow-wrap:anywhere}a{color:#3c4fbf;text-decoration:underline}
.op{border:1px solid #e3e8ee;border-radius:8px;padding:.25rem 1rem;margin:.75rem 0}.d{color:#4f566b}
.m{font:600 12px ui-monospace,monospace;padding:.15rem .4rem;border-radius:4px;color:#fff;background:#5469d4}.m.get{background:#09825d}
</style></head><body><main><h1>${esc(doc.info.title)}</h1>${intro(doc.info.description ?? "")}
<p>The machine-readable document is at <a href="/openapi.json">/openapi.json</a>.</p>${sections.join("")}
<h2>Problem codes</h2><ul>${problems}</ul></main></body></html>`;
}
