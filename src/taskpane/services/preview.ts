import type { Finding, ParseResult, TableKind } from '../../core';

export interface PreviewTable {
  kind: TableKind;
  title: string | null;
  year: number | null;
  rows: number;
  inherited: number;
}

export interface Preview {
  source: string;
  notice: ParseResult['notice'];
  tables: PreviewTable[];
  fixes: number;
  fixesByRule: [rule: string, count: number][];
  warnings: Finding[];
}

export function summarisePreview(result: ParseResult): Preview {
  const byRule = new Map<string, number>();
  for (const fix of result.fixes) byRule.set(fix.rule, (byRule.get(fix.rule) ?? 0) + 1);
  return {
    source: result.source,
    notice: result.notice,
    tables: result.tables.map((table) => ({
      kind: table.kind,
      title: table.title,
      year: table.year,
      rows: table.rows.length,
      inherited: table.rows.filter((row) => row.inherited.length > 0).length,
    })),
    fixes: result.fixes.length,
    fixesByRule: [...byRule.entries()].sort((a, b) => b[1] - a[1]),
    warnings: result.warnings,
  };
}

export async function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
