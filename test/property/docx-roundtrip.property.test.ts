/**
 * Property: any grid written as a .docx by the `docx` package (an independent writer) reads back
 * to the same grid — texts, paragraphs, row and cell counts, column spans, vertical merges, header rows.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import fc from 'fast-check';
import type { GridCell, GridRow } from '../../src/core/testing';
import { readDocx } from '../../src/core/testing';

const CHARS = [...'门类项目内容张顺吴敬宇、（）；。 \t&<>"\'ab1'];
const text = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 12 });

const cell: fc.Arbitrary<GridCell> = fc
  .record({
    paragraphs: fc.array(text, { minLength: 1, maxLength: 3 }),
    colSpan: fc.option(fc.integer({ min: 2, max: 3 }), { nil: undefined }),
    vMerge: fc.option(fc.constantFrom('restart' as const, 'continue' as const), { nil: undefined }),
  })
  .map(({ paragraphs, colSpan, vMerge }) => ({
    paragraphs,
    ...(colSpan === undefined ? {} : { colSpan }),
    ...(vMerge === undefined ? {} : { vMerge }),
  }));

const row: fc.Arbitrary<GridRow> = fc
  .record({ cells: fc.array(cell, { minLength: 1, maxLength: 5 }), isHeader: fc.boolean() })
  .map(({ cells, isHeader }) => (isHeader ? { cells, isHeader } : { cells }));

const grids = fc.array(fc.array(row, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 });

function toDocxTable(rows: GridRow[]): Table {
  return new Table({
    rows: rows.map(
      (r) =>
        new TableRow({
          tableHeader: r.isHeader,
          children: r.cells.map(
            (c) =>
              new TableCell({
                children: c.paragraphs.map((p) => new Paragraph(p)),
                columnSpan: c.colSpan,
                verticalMerge: c.vMerge === 'restart' ? VerticalMergeType.RESTART : c.vMerge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
              }),
          ),
        }),
    ),
  });
}

describe('property: grid → .docx (docx package) → readDocx → same grid', () => {
  it('round-trips random grids', async () => {
    await fc.assert(
      fc.asyncProperty(grids, fc.array(text, { maxLength: 2 }), async (tables, titles) => {
        const children = tables.flatMap((rows, i) => [new Paragraph(`附件${i + 1}`), toDocxTable(rows)]);
        const doc = new Document({ sections: [{ children: [...titles.map((t) => new Paragraph(t)), ...children] }] });
        const bytes = new Uint8Array(await Packer.toBuffer(doc));
        const read = readDocx(bytes);
        expect(read.grids.map((g) => g.rows)).toEqual(tables);
        expect(read.grids.map((g) => g.before.at(-1))).toEqual(tables.map((_, i) => `附件${i + 1}`));
      }),
      { numRuns: 60 },
    );
  });
});
