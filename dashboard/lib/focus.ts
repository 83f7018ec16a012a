/**
 * Where focus goes when the control that had it disappears: never left on <body>,
 * where the next Tab starts again from the top (or leaves the page).
 */

/** Focuses `el` once the current render has reached the DOM; non-focusable targets get tabindex=-1. */
export function focusSoon(find: () => HTMLElement | null | undefined): void {
  setTimeout(() => {
    const el = find();
    if (!el) return;
    if (!el.matches("a[href], button, input, select, textarea, [tabindex]")) el.tabIndex = -1;
    el.focus();
  }, 0);
}

/** The page's main heading: the last resort that always exists on a signed-in page. */
export function pageHeading(): HTMLElement | null {
  return document.querySelector<HTMLElement>("main h1");
}

/** The first field marked invalid inside `container`, else the error summary, else nothing. */
export function firstInvalid(container: ParentNode | null | undefined): HTMLElement | null {
  if (!container) return null;
  return container.querySelector<HTMLElement>('[aria-invalid="true"]') ?? container.querySelector<HTMLElement>(".error-summary");
}
