import { useEffect, useState } from "preact/hooks";

interface Props {
  value: string;
  /** What is copied, for the accessible name: "Copy client secret". */
  label: string;
  /** Visible text when "Copy" alone would be unclear. */
  text?: string;
  class?: string;
}

/** Copies `value` to the clipboard and says so, visibly and to screen readers. */
export function CopyButton({ value, label, text: idle = "Copy", class: extra = "" }: Props) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  };

  const text = state === "copied" ? "Copied" : state === "failed" ? "Select and copy" : idle;
  // The accessible name starts with the visible text (WCAG 2.5.3, so "click Copy" works by voice) and then says what.
  const what = text.includes(label) ? "" : ` ${label}`;
  return (
    <>
      <button type="button" class={`btn btn-secondary btn-sm copy-button ${extra}`} onClick={copy} aria-label={`${text}${what}`}>
        {text}
      </button>
      <span class="visually-hidden" role="status">
        {state === "copied" ? `${label} copied` : state === "failed" ? "Copy failed; select the text and copy it" : ""}
      </span>
    </>
  );
}
