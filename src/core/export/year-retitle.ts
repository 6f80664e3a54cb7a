/** Moves tables (and their titles) to another year: 2023年政府各项… → 2024年政府各项…. */
import type { ParsedTable } from '../model/records.model';

/** Replaces the table's year in its title; a title without the year gets none added. */
export function retitleTable<T extends ParsedTable>(table: T, year: number): T {
  const old = table.year;
  let title = table.title;
  if (title) {
    title = old ? title.split(`${old}年`).join(`${year}年`) : title.replace(/^\d{4}年/, `${year}年`);
  }
  return { ...table, year, title };
}

export function retitleTables(tables: ParsedTable[], year: number): ParsedTable[] {
  return tables.map((t) => retitleTable(t, year));
}
