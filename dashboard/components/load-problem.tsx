import { focusSoon } from "../lib/focus";
import type { Problem } from "../lib/types";

interface Props {
  problem: Problem | null;
  /** Loads again (a resource's `reload`). */
  onRetry: () => void;
  /** What failed to load, for the button's name: "client IDs". */
  what: string;
  /** Where focus goes while loading again (the alert and its button go away): the section's heading. */
  heading: () => HTMLElement | null | undefined;
}

/**
 * A list or page that could not load: the reason and a Retry, and nothing else;
 * the caller shows no empty state or table beside it, which would contradict it.
 */
export function LoadProblem({ problem, onRetry, what, heading }: Props) {
  if (!problem) return null;
  const retry = () => {
    onRetry();
    focusSoon(heading);
  };
  return (
    <div class="alert alert-error error-summary" role="alert" tabIndex={-1} data-testid="load-problem">
      <p class="alert-title">{problem.detail || problem.title}</p>
      <button type="button" class="btn btn-secondary btn-sm" onClick={retry}>
        Retry<span class="visually-hidden"> loading {what}</span>
      </button>
    </div>
  );
}
