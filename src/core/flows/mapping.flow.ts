/**
 * 确认列映射 / --map: the column roles the user confirms, from a typed list (`工作任务=content,…`), a
 * mapping JSON, or a fenjie workbook whose state keeps the mappings confirmed before. The read
 * flow applies them; the import flow stores the confirmed ones in the new workbook's state.
 */
import { FenjieError } from '../errors';
import type { ColumnRole, ParseResult, TableMapping } from '../model/records.model';
import { layoutKey, mappingFromRoles, parseMappingJson, parseMappingText, readStoredLayouts, storeLayout, type MappingOverride, type StoredLayout } from '../parse/mapping.codec';
import { ROLE_LABELS } from '../parse/role-labels';
import type { ParseOptions } from '../parse/parse-document';
import { readInput } from './read-input.flow';

export interface MappingSource {
  /** `工作任务=content,责任单位=units-first-leads` */
  text?: string;
  /** A mapping .json, or a fenjie .xlsx whose state keeps confirmed mappings. */
  file?: { bytes: Uint8Array; fileName: string };
}

/** The parse options a mapping source gives (mapping and/or stored layouts). */
export async function readMapping(source: MappingSource): Promise<ParseOptions> {
  if (source.text !== undefined) return { mapping: parseMappingText(source.text) };
  if (!source.file) return {};
  const { bytes, fileName } = source.file;
  if (/\.json$/i.test(fileName)) return { mapping: parseMappingJson(new TextDecoder().decode(bytes)) };
  const input = await readInput(bytes, fileName);
  const layouts: StoredLayout[] = readStoredLayouts(input.state?.mappings);
  if (input.kind !== 'fenjie-workbook' || layouts.length === 0) {
    throw new FenjieError('mapping-invalid', `${fileName} 中没有保存的列映射（应为 .json，或 fenjie 生成、确认过列映射的工作簿）`, `${fileName} holds no saved column mapping (give a .json, or a fenjie workbook with a confirmed mapping)`, { details: { file: fileName } });
  }
  return { layouts };
}

/** One line per column for the preview and `parse`: `工作任务 → content（内容和要求）`, guesses marked. */
export function describeMapping(mapping: TableMapping, lang: 'zh' | 'en'): string[] {
  return mapping.columns.map((c) => {
    const label = lang === 'zh' ? ROLE_LABELS[c.role].zh : ROLE_LABELS[c.role].en;
    const mark = c.confirmed ? (lang === 'zh' ? '（已确认）' : ' (confirmed)') : c.guessed ? (lang === 'zh' ? '（推断，请核对）' : ' (guessed, check)') : '';
    return `${c.header || '—'} → ${c.role}（${label}）${mark}`;
  });
}

/** A mapping as the text --map takes, to copy, edit and pass again. */
export function formatMappingText(mapping: TableMapping | MappingOverride): string {
  const pairs = 'kind' in mapping && Array.isArray((mapping as TableMapping).columns)
    ? (mapping as TableMapping).columns.filter((c) => c.header).map((c) => `${c.header}=${c.role}`)
    : Object.entries((mapping as MappingOverride).columns).map(([h, r]) => `${h}=${r}`);
  return pairs.join(',');
}

/** One table's column roles as the user set them in the preview. */
export interface TableRemap {
  /** The table's mapping as shown (its headers and kind). */
  mapping: TableMapping;
  columns: readonly { header: string; role: ColumnRole }[];
}

/**
 * The options to read a file again after the user changed one table's roles in the preview. Every
 * table keeps what it was read with: the workbook's stored layouts, roles confirmed earlier in
 * this preview for other tables, and the edited table's new roles (by its own headers, so that a
 * second table of the document is not re-read with the first one's roles).
 */
export function planRemap(previous: ParseResult, storedMappings: unknown, edit: TableRemap): ParseOptions {
  const byLayout = new Map(readStoredLayouts(storedMappings).map((l) => [l.layout, l]));
  for (const table of previous.tables) {
    if (table.mapping?.columns.some((c) => c.confirmed)) {
      const stored = storeLayout(table.mapping);
      byLayout.set(stored.layout, stored);
    }
  }
  const override: MappingOverride = mappingFromRoles(edit.columns, edit.mapping.kind);
  const layout = layoutKey(edit.mapping.columns.map((c) => c.header));
  byLayout.set(layout, { layout, columns: override.columns, ...(override.kind ? { kind: override.kind } : {}) });
  return { layouts: [...byLayout.values()] };
}
