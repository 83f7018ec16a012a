import { useCallback, useEffect, useState } from "preact/hooks";
import { toProblem } from "./api";
import type { Problem } from "./types";

export interface Resource<T> {
  data: T | undefined;
  problem: Problem | null;
  loading: boolean;
  reload: () => void;
  /** Replaces the loaded value after a change the API already confirmed. */
  set: (value: T) => void;
}

/** Loads `load()` whenever `key` changes; ignores answers that arrive after a newer load started. */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    setProblem(null);
    load().then(
      (value) => {
        if (stale) return;
        setData(value);
        setLoading(false);
      },
      (error: unknown) => {
        if (stale) return;
        setProblem(toProblem(error));
        setLoading(false);
      },
    );
    return () => {
      stale = true;
    };
    // `load` is recreated every render; `key` says when the data it fetches changes.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, problem, loading, reload, set: setData };
}
