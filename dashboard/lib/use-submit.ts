import type { RefObject } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { toProblem } from "./api";
import type { Problem } from "./types";
import { useFocusProblem } from "./use-focus-problem";

/**
 * One form's submit, for every form of the dashboard:
 * - the browser's own submit is prevented, and a second submit while one runs is ignored;
 * - `check` runs first: a problem it finds is shown (on its field) and nothing is sent;
 * - `busy` is true while `run` runs, and false again afterwards whatever happened, unless the form is gone
 *   (a dialog that closed, a page navigated away): then nothing is set on it;
 * - a failure becomes the form's problem, and focus goes to its first invalid field or its summary.
 */
export function useSubmit(form: RefObject<HTMLElement>, run: () => Promise<unknown>, check?: () => Problem | null) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  useFocusProblem(problem, form);
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const submit = async (event?: Event) => {
    event?.preventDefault();
    if (running.current) return;
    const refused = check?.() ?? null;
    if (refused) return setProblem(refused);
    running.current = true;
    setBusy(true);
    setProblem(null);
    try {
      await run();
    } catch (error) {
      if (mounted.current) setProblem(toProblem(error));
    } finally {
      running.current = false;
      if (mounted.current) setBusy(false);
    }
  };
  return { submit, busy, problem, setProblem };
}

/** A problem a form finds before sending, shaped like the API's so the form shows it the same way: on its field. */
export function invalid(detail: string, path: string, message: string): Problem {
  return { type: "about:blank", title: "Check the form", status: 400, code: "client_error", detail, errors: [{ path, message }] };
}
