/**
 * The 2021 通知 (cover letter + both tables) written as a .docx by the `docx` package from the
 * text seed's grids, then read back: same notice (number, title, date) and the same records.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import * as fs from 'fs';
import * as path from 'path';
import type { DocumentGrids } from '../../grid/grid.model';
import { parseGrids } from '../../parse/parse-document';
import { readDocument } from '../document.reader';
import { readTextDocument } from '../text.reader';

const SEED = path.resolve(__dirname, '../../../../seeds/002_9a155e4ec979336d.txt');

async function writeAsDocx(doc: DocumentGrids): Promise<Uint8Array> {
  const before = new Set(doc.grids.flatMap((g) => g.before));
  const leading = doc.paragraphs.filter((p) => !before.has(p));
  const children = [
    ...leading.map((p) => new Paragraph(p)),
    ...doc.grids.flatMap((g) => [
      ...g.before.map((p) => new Paragraph(p)),
      new Table({
        rows: g.rows.map(
          (r) =>
            new TableRow({
              tableHeader: r.isHeader,
              children: r.cells.map((c) => new TableCell({ children: (c.paragraphs.length ? c.paragraphs : ['']).map((p) => new Paragraph(p)) })),
            }),
        ),
      }),
    ]),
  ];
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe('the 2021 notice as .docx', () => {
  it('reads to the same notice and records as the text seed', async () => {
    const text = readTextDocument(new Uint8Array(fs.readFileSync(SEED)));
    const fromText = parseGrids(text, 'seed');
    const fromDocx = parseGrids(await readDocument(await writeAsDocx(text), '2021.docx'), 'seed');
    expect(fromDocx.notice.number).toBe('太政发〔2021〕9号');
    expect(fromDocx.notice.date).toBe('2021-02-07');
    expect(fromDocx.notice).toEqual(fromText.notice);
    expect(fromDocx.tables.map((t) => t.rows.length)).toEqual([131, 26]);
    expect(fromDocx.tables).toEqual(fromText.tables);
  });
});
