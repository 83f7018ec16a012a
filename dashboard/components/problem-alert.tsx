import type { FieldProblem, Problem } from "../lib/types";

interface Props {
  problem: Problem | null;
  /** Field paths shown next to their inputs; the rest are listed here. */
  shownFields?: readonly string[];
}

/**
 * The error summary: the problem's `detail` (for validation failures the server names
 * the fields in it), plus any field errors no input on screen can show. Focusable, so
 * focus can land here when no single field is to blame.
 */
export function ProblemAlert({ problem, shownFields = [] }: Props) {
  if (!problem) return null;
  const others: FieldProblem[] = (problem.errors ?? []).filter((e) => !shownFields.includes(e.path));
  return (
    <div class="alert alert-error error-summary" role="alert" tabIndex={-1}>
      <p class="alert-title">{problem.detail || problem.title}</p>
      {others.length > 0 && (
        <ul>
          {others.map((e) => (
            <li key={e.path}>
              {e.path && e.path !== "(root)" ? <code>{e.path}</code> : null} {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The message for one field path, if the problem names it. */
export function fieldError(problem: Problem | null, path: string): string | undefined {
  return problem?.errors?.find((e) => e.path === path)?.message;
}
