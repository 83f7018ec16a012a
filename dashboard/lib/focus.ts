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

/**
 * After signing in, up or out the whole page is replaced and focus would fall to
 * <body>: land on the new page's h1 once it is rendered (a few frames at most).
 */
export function focusHeadingOnceShown(): void {
  let frames = 0;
  const tryNow = () => {
    const h1 = pageHeading();
    if (h1) {
      h1.tabIndex = -1;
      h1.focus();
    } else if (++frames < 120) requestAnimationFrame(tryNow);
  };
  requestAnimationFrame(tryNow);
}
