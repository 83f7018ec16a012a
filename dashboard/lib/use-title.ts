import { useEffect } from "preact/hooks";

/** Sets the tab title, so history and screen readers name the page. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Payrelay` : "Payrelay";
  }, [title]);
}
