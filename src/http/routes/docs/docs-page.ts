import { PROBLEMS } from "../../../lib/problem";

type Schema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
};
type Media = { schema?: Schema; example?: unknown; examples?: Record<string, { value: unknown }> };
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { description?: string; content?: Record<string, Media> }>;
};
type Doc = {
  info: { title: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The description's lines as paragraphs, its `backticks` as code: it wraps at any width, unlike a <pre>. */
const intro = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => `<p>${esc(line).replace(/`([^`]+)`/g, "<code>$1</code>")}</p>`)
    .join("");

const refName = (s?: Schema) => s?.$ref?.split("/").pop();

/** A schema named by its link into the Schemas section, or described inline in a word. */
function schemaLink(s?: Schema): string {
  const name = refName(s);
  if (name) return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
  if (s?.type === "array" && s.items) return `list of ${schemaLink(s.items)}`;
  if (s?.properties) return `{${Object.keys(s.properties).map(esc).join(", ")}}`;
  return esc(String(s?.type ?? "any"));
}

/** The example a body shows: the media type's, else its first named example, else its schema's. */
function exampleOf(media: Media, doc: Doc): unknown {
  if (media.example !== undefined) return media.example;
  const first = media.examples && Object.values(media.examples)[0];
  if (first) return first.value;
  const s = media.schema;
  const name = refName(s);
  return (name ? doc.components?.schemas?.[name]?.example : s?.example) ?? undefined;
}

const json = (value: unknown) => `<pre><code>${esc(JSON.stringify(value, null, 2))}</code></pre>`;

function bodyDocs(op: Operation, doc: Doc): string {
  const req = op.requestBody?.content?.["application/json"];
  const parts: string[] = [];
  if (req) {
    const ex = exampleOf(req, doc);
    parts.push(
      `<p>Body: ${schemaLink(req.schema)}</p>${ex === undefined ? "" : `<details><summary>Example body</summary>${json(ex)}</details>`}`,
    );
  }
  for (const [status, r] of Object.entries(op.responses ?? {})) {
    const media = r.content?.["application/json"];
    if (!media || !status.startsWith("2")) continue;
    const ex = exampleOf(media, doc);
    parts.push(
      `<p>${status}: ${schemaLink(media.schema)}</p>${ex === undefined ? "" : `<details><summary>Example ${status}</summary>${json(ex)}</details>`}`,
    );
  }
  return parts.join("");
}

function responseList(op: Operation): string {
  return Object.entries(op.responses ?? {})
    .map(([s, r]) => {
      const examples = r.content?.["application/problem+json"]?.examples;
      const codes = examples ? Object.keys(examples).map((c) => `<a href="#problem-${esc(c)}"><code>${esc(c)}</code></a>`) : [];
      return `<li><b>${s}</b> ${codes.length ? codes.join(", ") : esc(r.description ?? "")}</li>`;
    })
    .join("");
}

function schemaSection(doc: Doc): string {
  return Object.entries(doc.components?.schemas ?? {})
    .map(([name, s]) => {
      const rows = Object.entries(s.properties ?? {})
        .map(
          ([prop, p]) =>
            `<li><code>${esc(prop)}</code>${s.required?.includes(prop) ? "" : " (optional)"}: ${schemaLink(p)}${p.enum ? ` one of ${p.enum.map((v) => `<code>${esc(String(v))}</code>`).join(", ")}` : ""}${p.description ? ` — ${esc(p.description)}` : ""}</li>`,
        )
        .join("");
      return `<section class="op" id="schema-${esc(name)}"><h3>${esc(name)}</h3>${s.description ? `<p class="d">${esc(s.description)}</p>` : ""}${rows ? `<ul>${rows}</ul>` : ""}${s.example === undefined ? "" : `<details><summary>Example</summary>${json(s.example)}</details>`}</section>`;
    })
    .join("");
}

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
    ${bodyDocs(op, doc)}<ul>${responseList(op)}</ul></section>`,
        )
        .join("")}`,
  );
  const problems = Object.entries(PROBLEMS)
    .map(([code, { status, title }]) => `<li id="problem-${code}"><code>${code}</code> (${status}) ${esc(title)}</li>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)}</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1f36}main{overflow-wrap:anywhere}
code{font:13px ui-monospace,monospace;background:#f3f4f7;padding:.1rem .3rem;border-radius:4px}
p code,h3 code,li code{overflow-wrap:anywhere}a{color:#3c4fbf;text-decoration:underline}
.op{border:1px solid #e3e8ee;border-radius:8px;padding:.25rem 1rem;margin:.75rem 0}.d{color:#4f566b}
pre{overflow:auto;background:#f3f4f7;padding:.5rem;border-radius:6px}details{margin:.25rem 0}
.m{font:600 12px ui-monospace,monospace;padding:.15rem .4rem;border-radius:4px;color:#fff;background:#5469d4}.m.get{background:#09825d}
</style></head><body><main><h1>${esc(doc.info.title)}</h1>${intro(doc.info.description ?? "")}
<p>The machine-readable document is at <a href="/openapi.json">/openapi.json</a>.</p>${sections.join("")}
<h2>Problem codes</h2><ul>${problems}</ul><h2>Schemas</h2>${schemaSection(doc)}</main></body></html>`;
}
