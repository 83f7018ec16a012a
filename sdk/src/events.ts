import type { components, paths } from "./schema.js";

type EventListQuery = NonNullable<paths["/v1/events"]["get"]["parameters"]["query"]>;
export type EventPage = { data: components["schemas"]["WebhookEvent"][]; nextCursor: string; hasMore: boolean };

/**
 * Catch-up as an async iterable: pages of GET /v1/events, oldest first, until `hasMore` is
 * false. `cursor` is where the events read so far end; store it after the loop (or as you go)
 * and pass it next time to get only newer events.
 */
export class EventFeed implements AsyncIterable<components["schemas"]["WebhookEvent"]> {
  /** Where to resume: the nextCursor of the last page read (the starting cursor before any). */
  cursor: string | undefined;

  constructor(
    private readonly fetchPage: (query: EventListQuery) => Promise<EventPage>,
    private readonly query: EventListQuery,
  ) {
    this.cursor = query.cursor;
  }

  async *[Symbol.asyncIterator]() {
    for (;;) {
      const page = await this.fetchPage({ ...this.query, cursor: this.cursor });
      yield* page.data;
      this.cursor = page.nextCursor;
      if (!page.hasMore) return;
    }
  }
}
