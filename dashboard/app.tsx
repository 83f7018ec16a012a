import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { AppShell } from "./components/app-shell";
import { api, setCsrfToken, setUnauthenticatedHandler } from "./lib/api";
import { focusHeadingOnceShown } from "./lib/focus";
import { navigate, useLocation } from "./lib/router";
import { SessionContext } from "./lib/session";
import type { Session } from "./lib/types";
import { AuthPage } from "./features/auth/auth-page";
import { Routes } from "./routes";

const AFTER_SIGN_IN = "payrelay:after-sign-in";

/** The signed-in dashboard, or the sign-in page when there is no session. */
export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const loc = useLocation();

  const accept = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSession(next);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => accept(null));
    api.get<Session>("/api/me").then(accept, () => accept(null));
  }, [accept]);

  const signedIn = Boolean(session);
  useEffect(() => {
    if (signedIn && (loc.path === "/login" || loc.path === "/signup")) navigate("/", { replace: true });
  }, [signedIn, loc.path]);

  const state = useMemo(() => {
    if (!session) return null;
    const signOut = async () => {
      await api.post<undefined>("/api/auth/logout").catch(() => undefined);
      accept(null);
      navigate("/login", { replace: true });
      focusHeadingOnceShown();
    };
    return { session, signOut };
  }, [session, accept]);

  if (session === undefined) {
    return (
      <div class="boot" aria-busy="true">
        Loading…
      </div>
    );
  }
  if (!state) {
    // An invitation link opened while signed out survives a detour through sign-up.
    if (loc.path.startsWith("/invitations/")) sessionStorage.setItem(AFTER_SIGN_IN, loc.path);
    const onSignedIn = (next: Session) => {
      accept(next);
      const after = sessionStorage.getItem(AFTER_SIGN_IN);
      sessionStorage.removeItem(AFTER_SIGN_IN);
      if (after && after !== loc.path) navigate(after, { replace: true });
      else if (loc.path === "/login" || loc.path === "/signup") navigate("/", { replace: true });
      // The form and its button are gone: start the signed-in page at its heading, not at <body>.
      focusHeadingOnceShown();
    };
    return <AuthPage mode={loc.path === "/signup" ? "signup" : "signin"} onSignedIn={onSignedIn} />;
  }
  return (
    <SessionContext.Provider value={state}>
      <AppShell path={loc.path}>
        <Routes loc={loc} />
      </AppShell>
    </SessionContext.Provider>
  );
}
