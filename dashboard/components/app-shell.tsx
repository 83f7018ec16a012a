import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useSession } from "../lib/session";
import { Link } from "./link";
import { LiveRegion } from "./live-region";

/** Tab switches inside one destination keep focus where it is; real page changes move it to <main>. */
function pageKey(path: string): string {
  return path.replace(/\/requests\/?$/, "");
}

/** Header, navigation and the main landmark around every signed-in page. */
export function AppShell({ path, children }: { path: string; children: ComponentChildren }) {
  const { session, signOut } = useSession();
  const main = useRef<HTMLElement>(null);
  const lastKey = useRef(pageKey(path));

  useEffect(() => {
    const key = pageKey(path);
    if (key === lastKey.current) return;
    lastKey.current = key;
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [path]);

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <div class="topbar-inner">
          <Link href="/" class="brand">
            <span class="brand-mark" aria-hidden="true" />
            Payrelay
          </Link>
          <nav aria-label="Main">
            <Link href="/" class="nav-link" aria-current={path === "/" || path.startsWith("/destinations") ? "page" : undefined}>
              Destinations
            </Link>
          </nav>
          <div class="topbar-user">
            <span class="user-email" title={session.user.email}>
              {session.user.email}
            </span>
            <button type="button" class="btn btn-secondary btn-sm" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} class="main">
        {children}
      </main>
      <LiveRegion />
    </>
  );
}
