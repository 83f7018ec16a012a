import { generate } from "lean-qr";
import { useMemo } from "preact/hooks";

/**
 * `value` as a QR code, drawn as one SVG path (no canvas, no HTML strings):
 * dark modules on white with the standard 4-module quiet zone, so phone
 * cameras read it in dark mode too. `label` is its text alternative.
 * lean-qr (about 3.5 KB gzipped, the pay page stays in its budget); for plain ASCII it writes no ECI header, which every reader takes.
 */
export function QrCode({ value, label, size = 200 }: { value: string; label: string; size?: number }) {
  const { path, count } = useMemo(() => {
    const code = generate(value);
    let d = "";
    for (let y = 0; y < code.size; y++) for (let x = 0; x < code.size; x++) if (code.get(x, y)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    return { path: d, count: code.size + 8 };
  }, [value]);
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${count} ${count}`}
      width={size}
      height={size}
      shape-rendering="crispEdges"
    >
      <rect width={count} height={count} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
