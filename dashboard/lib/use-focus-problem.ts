import type { RefObject } from "preact";
import { useEffect } from "preact/hooks";
import { firstInvalid, focusSoon } from "./focus";
import type { Problem } from "./types";

/**
 * When a new problem arrives, focus goes to the first invalid field in `container`
 * (its label, message and error are read together), or to the error summary when no
 * field is to blame. The summary's role="alert" says what happened either way.
 */
export function useFocusProblem(problem: Problem | null, container: RefObject<HTMLElement>): void {
  useEffect(() => {
    if (problem) focusSoon(() => firstInvalid(container.current));
  }, [problem]);
}
