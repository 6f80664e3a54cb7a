/**
 * Every .docx fenjie writes (the notice export: both seeds, with and without the 通知 cover, moved to
 * next year, names in the registry's form, hand-made records with awkward text, an empty table) is
 * valid against the ECMA-376 transitional schemas, reads back in python-docx with the records' cell
 * texts, and has a table grid WPS can lay out (w:gridCol widths present, summing to w:tblW, equal to
 * each cell's w:tcW).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { exportNotice, type ParsedTable, type ParseResult, type ProjectRecord, type TaskRecord } from '../../src/core';
import { parseGrids, readTextDocument } from '../../src/core/testing';
import { checkOoxml, readBackDocx, type WrittenFile } from './ooxml';

const SEEDS = ['000_8040c5413e4a8407.txt', '002_9a155e4ec979336d.txt'];

function parseSeed(name: string): ParseResult {
  const bytes = new Uint8Array(readFileSync(join(__dirname, '..', '..', 'seeds', name)));
  return parseGrids(readTextDocument(bytes), name);
}

/** The cell texts a reader should see for a record, column by column (paragraphs joined by newlines). */
function expectedCells(table: ParsedTable): string[][] {
  const names = (r: TaskRecord | ProjectRecord): string[] => [r.leaders.join('\n'), r.leadUnits.join('\n'), r.relatedUnits.join('\n')];
  if (table.kind === 'tasks') return table.rows.map((r) => [r.category, r.item, r.content, ...names(r)]);
  return table.rows.map((r) => [r.no === null ? '' : String(r.no), r.category, r.name, r.content, r.task, ...names(r)]);
}

/** Table-grid problems WPS would trip over: a missing grid, widths not adding up, a cell wider or narrower than its grid column. */
function gridProblems(bytes: Uint8Array): string[] {
  const doc = strFromU8(unzipSync(bytes)['word/document.xml']);
  const problems: string[] = [];
  [...doc.matchAll(/<w:tbl>(.*?)<\/w:tbl>/g)].forEach(([, tbl], t) => {
    const total = Number(/<w:tblW w:w="(\d+)"/.exec(tbl)?.[1]);
    const grid = [...(/<w:tblGrid>(.*?)<\/w:tblGrid>/.exec(tbl)?.[1] ?? '').matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    if (grid.length === 0) problems.push(`table ${t}: no w:gridCol`);
    if (grid.reduce((a, b) => a + b, 0) !== total) problems.push(`table ${t}: gridCol sum ${grid.reduce((a, b) => a + b, 0)} ≠ tblW ${total}`);
    [...tbl.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].forEach(([, tr], r) => {
      const widths = [...tr.matchAll(/<w:tcW w:w="(\d+)" w:type="dxa"\/>/g)].map((m) => Number(m[1]));
      if (widths.join() !== grid.join()) problems.push(`table ${t} row ${r}: tcW ${widths.join()} ≠ gridCol ${grid.join()}`);
    });
  });
  return problems;
}

function written(name: string, result: ParseResult, request: Parameters<typeof exportNotice>[1] = {}): { file: WrittenFile; tables: ParsedTable[]; cover: boolean } {
  const out = exportNotice(result, request);
  return { file: { name, bytes: out.bytes }, tables: out.tables, cover: out.cover };
}

describe('every .docx fenjie writes', () => {
  const seeds = SEEDS.map((s) => ({ seed: s, parsed: parseSeed(s) }));
  const outputs = seeds.flatMap(({ seed, parsed }) => [
    written(`${seed}-cover.docx`, parsed, { options: { cover: true } }),
    written(`${seed}-no-cover.docx`, parsed, { options: { cover: false } }),
    written(`${seed}-next-year.docx`, parsed, { year: (parsed.tables[0].year ?? 2023) + 1 }),
  ]);
  const awkward: ParseResult = {
    ...seeds[0].parsed,
    tables: [
      {
        kind: 'tasks',
        title: null,
        year: 2024,
        rows: [
          { category: ' 前后空格 ', item: '<A&B> "引号"', content: '第一段\n第二段\n\n', leaders: ['张三', '李四'], leadUnits: [], relatedUnits: ['各镇（区）'], inherited: [] },
          { category: '', item: '', content: '', leaders: [], leadUnits: ['发改委'], relatedUnits: [], inherited: [] },
        ],
      },
      { kind: 'projects', title: '空表', year: 2024, rows: [] },
    ],
  };
  outputs.push(written('awkward.docx', awkward, { options: { cover: false, tableSize: '四号' } }));

  it('are valid against the ECMA-376 schemas (regression: w:spacing and w:defaultTabStop out of schema order)', () => {
    expect(checkOoxml(outputs.map((o) => o.file))).toEqual([]);
  });

  it('write the cover only when asked and the notice has one', () => {
    const cover2021 = outputs.find((o) => o.file.name === '002_9a155e4ec979336d.txt-cover.docx');
    expect(cover2021?.cover).toBe(true);
    for (const o of outputs.filter((x) => x.file.name.includes('no-cover'))) expect(o.cover).toBe(false);
  });

  it('have w:gridCol widths that sum to the table width and match every w:tcW', () => {
    for (const o of outputs) expect({ file: o.file.name, problems: gridProblems(o.file.bytes) }).toEqual({ file: o.file.name, problems: [] });
  });

  it.each(outputs.map((o) => [o.file.name, o] as const))('%s reads back in python-docx with the records’ cell texts', (_name, o) => {
    const back = readBackDocx(o.file);
    expect(back.tables).toHaveLength(o.tables.length);
    o.tables.forEach((table, t) => {
      const rows = back.tables[t];
      expect(rows.length).toBe(table.rows.length + 1);
      // python-docx keeps the paragraphs of a cell; trailing empty paragraphs of a record's text are not written
      const tidy = (cells: string[]): string[] => cells.map((c) => c.replace(/\n+$/, ''));
      expect(rows.slice(1).map(tidy)).toEqual(expectedCells(table).map(tidy));
    });
  });
});
