import { useCallback, useEffect, useRef, useState } from "preact/hooks";
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

type Entry = { data: unknown; problem: Problem | null; loading: boolean; generation: number; listeners: Set<() => void> };

/**
 * What each key holds, shared by every component that asks for it: one list is one key, loaded once for the screen
 * however many components show it (the clients list feeds the Clients tab, the audit filter, the requests' client
 * names and a request's budget line), and a change one of them confirms (`set`, `reload`) reaches them all.
 */
const entries = new Map<string, Entry>();
const entryOf = (key: string): Entry => {
  let entry = entries.get(key);
  if (!entry) entries.set(key, (entry = { data: undefined, problem: null, loading: true, generation: 0, listeners: new Set() }));
  return entry;
};
const notify = (entry: Entry) => entry.listeners.forEach((listener) => listener());

function fetchInto(entry: Entry, load: () => Promise<unknown>): void {
  const generation = ++entry.generation;
  entry.loading = true;
  entry.problem = null;
  notify(entry);
  load().then(
    (value) => {
      if (generation !== entry.generation) return; // a newer load started: its answer wins
      entry.data = value;
      entry.loading = false;
      notify(entry);
    },
    (error: unknown) => {
      if (generation !== entry.generation) return;
      entry.problem = toProblem(error);
      entry.loading = false;
      notify(entry);
    },
  );
}

/**
 * Loads `load()` for `key`. The first component to show a key on a screen loads it afresh (what an earlier screen
 * loaded is not trusted); the others mounted with it share that load. Answers that arrive after a newer load are ignored.
 */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  const [, rerender] = useState(0);
  const entry = entryOf(key);
  const latest = useRef(load);
  latest.current = load;
  const subscribed = useRef<string | null>(null);
  const shown = useRef<unknown>(undefined);

  useEffect(() => {
    const listener = () => rerender((n) => n + 1);
    if (entry.listeners.size === 0) {
      entry.data = undefined;
      fetchInto(entry, () => latest.current());
    }
    entry.listeners.add(listener);
    subscribed.current = key;
    listener();
    return () => {
      entry.listeners.delete(listener);
      subscribed.current = null;
    };
    // `load` is recreated every render; `key` says what it fetches.
  }, [key]);

  const reload = useCallback(() => fetchInto(entryOf(key), () => latest.current()), [key]);
  const set = useCallback(
    (value: T) => {
      const current = entryOf(key);
      current.data = value;
      current.problem = null;
      current.loading = false;
      current.generation++;
      notify(current);
    },
    [key],
  );
  // Until this component's first load of `key` answers, it keeps showing what it showed (a list whose filters changed
  // keeps its rows until the new ones arrive), and nothing on its first screen: never data another screen loaded.
  const fresh = subscribed.current !== key && entry.listeners.size === 0;
  const data = (fresh ? undefined : entry.data) ?? shown.current;
  shown.current = data;
  if (fresh) return { data: data as T | undefined, problem: null, loading: true, reload, set };
  return { data: data as T | undefined, problem: entry.problem, loading: entry.loading, reload, set };
}
