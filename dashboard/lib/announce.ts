const REGION_ID = "announcer";
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Says `message` through the page's one polite live region (rendered by <LiveRegion/>).
 * Cleared first and set a moment later, so the same words twice are read twice.
 */
export function announce(message: string): void {
  const region = document.getElementById(REGION_ID);
  if (!region) return;
  region.textContent = "";
  clearTimeout(timer);
  timer = setTimeout(() => {
    region.textContent = message;
  }, 100);
}

export const ANNOUNCER_ID = REGION_ID;
