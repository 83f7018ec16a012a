import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Session } from "./types";

export interface SessionState {
  session: Session;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

/** The signed-in recipient; only used below the signed-in app shell. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside a signed-in page");
  return state;
}
