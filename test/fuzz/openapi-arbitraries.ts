import fc from "fast-check";

/**
 * fast-check arbitraries read off the OpenAPI document: for each schema, values
 * shaped like it (so a body gets past the first check and reaches the handler)
 * mixed with hostile ones (wrong types, huge and non-finite numbers, unicode
 * and long strings, prototype keys, duplicate keys). Bodies are JSON *text*,
 * so numbers JSON.stringify cannot write (1e400, 30-digit integers, -0) and
 * repeated keys reach the Worker as a client could send them.
 */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

/** A JSON value as text-to-be: `raw` is written verbatim, `pairs` may repeat a key. */
export type Json = null | boolean | number | string | Json[] | { pairs: [string, Json][] } | { raw: string };

export function jsonText(v: Json): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(jsonText).join(",")}]`;
  if ("raw" in v) return v.raw;
  return `{${v.pairs.map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x)}`).join(",")}}`;
}

const RAW_NUMBERS = [
  "1e400",
  "-1e400",
  "1e-400",
  "123456789012345678901234567890",
  "-0",
  "9007199254740993",
  "0.1e1",
  "1E+2",
  "-99999999999999999999.5",
];
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "\u0000",
    "\u202e\u202d",
    "🧨💸",
    "ä".normalize("NFD"),
    "<script>",
    "'; DROP TABLE requests; --",
    "../../etc",
    "%00",
    "\ud800",
  ),
  fc.integer({ min: 100, max: 20_000 }).map((n) => "x".repeat(n)),
);
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324),
  fc.constantFrom(...RAW_NUMBERS).map((raw): Json => ({ raw })),
);

/** Any JSON value, a hostile one as often as not. */
export const hostile: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number as fc.Arbitrary<Json>,
    text,
    fc.array(tie("v"), { maxLength: 4 }),
    fc
      .array(fc.tuple(fc.oneof(text, fc.constantFrom("__proto__", "constructor", "prototype", "")), tie("v")), { maxLength: 4 })
      .map((pairs) => ({ pairs })),
  ),
})).v;

function resolve(doc: { components?: { schemas?: Record<string, Schema> } }, s: Schema): Schema {
  return s.$ref ? resolve(doc, doc.components!.schemas![s.$ref.split("/").pop()!]!) : s;
}

function shaped(doc: Parameters<typeof resolve>[0], raw: Schema, depth: number): fc.Arbitrary<Json> {
  const s = resolve(doc, raw);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => schemaValue(doc, a, depth + 1)));
  if (s.allOf) return schemaValue(doc, s.allOf[0]!, depth + 1);
  if (s.enum) return fc.constantFrom(...(s.enum as Json[]));
  const types = Array.isArray(s.type) ? s.type : [s.type ?? "object"];
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<Json> => {
      if (type === "null") return fc.constant(null);
      if (type === "boolean") return fc.boolean();
      if (type === "integer") return fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer()) as fc.Arbitrary<Json>;
      if (type === "number") return number as fc.Arbitrary<Json>;
      if (type === "array") return fc.array(schemaValue(doc, s.items ?? {}, depth + 1), { maxLength: 4 });
      if (type === "string") {
        if (s.format === "date-time") return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
        if (s.pattern) {
          try {
            return fc.stringMatching(new RegExp(s.pattern));
          } catch {
            return text;
          }
        }
        return fc.string({ unit: "grapheme", minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 200) });
      }
      const props = Object.entries(s.properties ?? {});
      if (depth > 4 || props.length === 0) return fc.constant({ pairs: [] });
      return fc
        .tuple(
          ...props.map(([k, p]) =>
            fc.option(
              schemaValue(doc, p, depth + 1).map((v): [string, Json] => [k, v]),
              { freq: (s.required ?? []).includes(k) ? 20 : 2 },
            ),
          ),
          // A repeated key, one body in five: which of the two values counts must not matter to safety.
          fc.oneof(
            { arbitrary: fc.constant(null), weight: 4 },
            { arbitrary: fc.tuple(fc.constantFrom(...props.map(([k]) => k)), hostile), weight: 1 },
          ),
        )
        .map((entries) => {
          const pairs = entries.slice(0, -1).filter((e): e is [string, Json] => e !== null);
          const duplicate = entries[entries.length - 1] as [string, Json] | null;
          return { pairs: duplicate ? [...pairs, duplicate] : pairs };
        });
    }),
  );
}

/** A value for `schema`: shaped like it four times in five, hostile otherwise. */
export function schemaValue(doc: Parameters<typeof resolve>[0], schema: Schema, depth = 0): fc.Arbitrary<Json> {
  return fc.oneof({ arbitrary: shaped(doc, schema, depth), weight: 4 }, { arbitrary: hostile, weight: 1 });
}
