/** One page of a cursor list, as every Payrelay list answers. */
export type Page<T> = { data: T[]; nextCursor?: string | null };

/**
 * Every item of a cursor-paginated list, fetching the next page only when the
 * previous one is used up; `break` stops fetching.
 */
export async function* paginate<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
