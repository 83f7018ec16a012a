import { ANNOUNCER_ID } from "../lib/announce";

/** The polite live region `announce()` writes to; mounted once, before anything needs it. */
export function LiveRegion() {
  return <div id={ANNOUNCER_ID} class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" />;
}
