import { getTableColumns, type InferSelectModel, type Table } from "drizzle-orm";

/**
 * Raw D1 rows (arrays, from a prepared `select().from(table)`'s `.values()`) to
 * the table's row objects, with each column's own decoder (JSON, booleans). It
 * does what drizzle's generic mapper does per row, with the per-column checks
 * made once: that mapper was about a tenth of a list's CPU (bench/README.md).
 * Only for selects of the whole table, whose columns come in this order.
 */
export function rowMapper<T extends Table>(table: T): (values: unknown[]) => InferSelectModel<T> {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    decode: (raw: unknown): unknown => column.mapFromDriverValue(raw),
  }));
  return (values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) {
      const raw = values[i];
      row[columns[i]!.key] = raw === null ? null : columns[i]!.decode(raw);
    }
    return row as InferSelectModel<T>;
  };
}
